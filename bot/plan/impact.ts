/**
 * The impact of requests' outcomes, decided without I/O: which requests have
 * outcomes to measure, which are due for a check (at most daily, or when their
 * outcome parameters changed), what `Impact.json` holds, read back defensively,
 * and the totals per year for the annual report. `bot/impact.ts` does the asking.
 *
 * Impact.json:
 *
 *     { "schema": 1, "requests": [ ENTRY, … ], "years": [ { "year": "2026", "requests": N, "files": N,
 *       "fileUsages": N, "items": N }, … ] }
 *
 * ENTRY: `page`, `year`, `status`, `hash` (SHA-1 of the outcome parameters), `checked`
 * (when last measured), `category` (as Commons names it, or ''), `files`, `filesCut`
 * (the count stopped at the bound), `subcategories`, `usage` (`global`: pages on every
 * wiki, from globalusage; `same-wiki`: pages of the files' own wiki only; `not-available`),
 * `usagePages`, `usageWikis`, `itemsListed`, `items` (those that exist), `itemsMissing`,
 * `query` (a well-formed link, or ''), `pages` (outcome pages given) and `problems`.
 * A figure the check could not measure is null.
 */
import { parseRequestPage } from '../../shared/codec';
import { STATUSES, Status } from '../../shared/status';
import { isOutcomePage, ITEM_ID_PATTERN, LINK_PATTERN, outcomeCategoryName } from '../../shared/validation';
import { storedJson } from './json-page';
import { sha1 } from './sha1';
import type { PageSnapshot, Problem, RequestRecord } from './types';

export const IMPACT_SCHEMA = 1;
/** Statuses whose outcomes are measured. */
export const MEASURED_STATUSES: readonly Status[] = [ 'support-under-way', 'done' ];
/** A measured request is measured again after this long. */
export const CHECK_EVERY_MS = 24 * 3600000;
/** A check that failed is tried again after this long (a failure asked little of the APIs). */
export const RETRY_AFTER_MS = 3600000;
/** Subcategories are followed this deep below the outcome category. */
export const CATEGORY_DEPTH = 2;
/** Files counted per request at most; the count says when it stopped there. */
export const MAX_FILES = 5000;
/** Item ids looked up per request at most (as many as a request may list). */
export const MAX_ITEMS = 50;

export type UsageScope = 'global' | 'same-wiki' | 'not-available';

/** A request's outcomes as the bot will use them, checked. */
export interface ImpactCandidate {
	page: string;
	status: Status;
	/** The year the request reached its status (else the year it was filed), for the annual report. */
	year: string;
	/** SHA-1 of the outcome parameters as written: a change means a check now. */
	hash: string;
	/** The category name as Commons has it (no `Category:`), or '' when none or not valid. */
	category: string;
	/** Valid item ids, each once, at most MAX_ITEMS. */
	items: string[];
	/** The query link when it is a well-formed http(s) link, else ''. */
	query: string;
	/** Outcome pages given that are links or interwiki text. */
	pages: number;
	/** What the outcome parameters hold that cannot be used. */
	problems: Problem[];
}

/** What one check found; null where it could not tell. */
export interface ImpactFigures {
	files: number | null;
	filesCut: boolean;
	subcategories: number | null;
	usage: UsageScope | null;
	usagePages: number | null;
	usageWikis: number | null;
	items: number | null;
	itemsMissing: string[];
	problems: Problem[];
}

/** What Impact.json holds of one request: what was measured, and of what, when. */
export interface ImpactEntry extends ImpactFigures {
	page: string;
	year: string;
	status: Status;
	hash: string;
	checked: string;
	category: string;
	itemsListed: number;
	query: string;
	pages: number;
}

export interface YearTotal {
	year: string;
	requests: number;
	files: number;
	fileUsages: number;
	items: number;
}

export interface ImpactData {
	schema: number;
	requests: ImpactEntry[];
	years: YearTotal[];
}

function problem( code: string, params: string[], text: string ): Problem {
	return { code: code, params: params, text: text };
}

function yearOf( timestamp: string ): string {
	return /^\d{4}-/.test( timestamp ) ? timestamp.slice( 0, 4 ) : '';
}

/**
 * The outcomes of a request page, checked, when the request is in support or done
 * and has any; null otherwise.
 */
export function impactCandidate( record: RequestRecord, page: PageSnapshot ): ImpactCandidate | null {
	if ( record.problem !== '' || !MEASURED_STATUSES.includes( record.status ) ) {
		return null;
	}
	const parsed = parseRequestPage( page.text, { unknownStatus: 'keep' } );
	if ( !parsed.ok ) {
		return null;
	}
	const request = parsed.request;
	const typedCategory = request.outcomeCategory || '';
	const typedItems = request.outcomeItems || [];
	const typedQuery = request.outcomeQuery || '';
	const typedPages = request.outcomePages || [];
	if ( typedCategory === '' && typedItems.length === 0 && typedQuery === '' && typedPages.length === 0 ) {
		return null;
	}
	const problems: Problem[] = [];
	const category = outcomeCategoryName( typedCategory );
	if ( typedCategory !== '' && category === '' ) {
		problems.push( problem( 'impact-invalid-category', [ typedCategory.slice( 0, 300 ) ],
			'outcome_category "' + typedCategory.slice( 0, 300 ) + '" is not a category name' ) );
	}
	const invalidItems = typedItems.filter( ( id ) => !ITEM_ID_PATTERN.test( id ) );
	if ( invalidItems.length ) {
		const shown = invalidItems.slice( 0, 10 ).map( ( id ) => id.slice( 0, 40 ) ).join( ', ' );
		problems.push( problem( 'impact-invalid-items', [ shown ], 'outcome_items: not item ids: ' + shown ) );
	}
	const items = typedItems.filter( ( id, index ) => ITEM_ID_PATTERN.test( id ) && typedItems.indexOf( id ) === index );
	if ( items.length > MAX_ITEMS ) {
		problems.push( problem( 'impact-too-many-items', [ String( MAX_ITEMS ) ], 'outcome_items: only the first ' + MAX_ITEMS + ' items are looked up' ) );
	}
	const query = LINK_PATTERN.test( typedQuery ) ? typedQuery : '';
	if ( typedQuery !== '' && query === '' ) {
		problems.push( problem( 'impact-invalid-query', [], 'outcome_query is not an http or https link' ) );
	}
	const pages = typedPages.filter( isOutcomePage ).length;
	if ( pages < typedPages.length ) {
		problems.push( problem( 'impact-invalid-pages', [ String( typedPages.length - pages ) ],
			'outcome_pages: ' + ( typedPages.length - pages ) + ' entries are neither links nor interwiki text' ) );
	}
	return {
		page: record.page,
		status: record.status,
		year: yearOf( record.statusSince ) || yearOf( record.filed ) || 'undated',
		hash: outcomeHash( typedCategory, typedItems, typedQuery, typedPages ),
		category: category,
		items: items.slice( 0, MAX_ITEMS ),
		query: query,
		pages: pages,
		problems: problems,
	};
}

/** SHA-1 of the outcome parameters as written. */
export function outcomeHash( category: string, items: string[], query: string, pages: string[] ): string {
	return sha1( JSON.stringify( [ category, items, query, pages ] ) );
}

/** The request's impact is measured now: never measured, its outcomes changed, or its last check is old enough. */
export function isDue( candidate: ImpactCandidate, previous: ImpactEntry | undefined, now: string ): boolean {
	if ( !previous || previous.hash !== candidate.hash ) {
		return true;
	}
	const checked = Date.parse( previous.checked );
	if ( isNaN( checked ) ) {
		return true;
	}
	const age = Date.parse( now ) - checked;
	// A check dated in the future (a clock that was wrong) is not trusted.
	return age < 0 || age >= ( hasFailure( previous ) ? RETRY_AFTER_MS : CHECK_EVERY_MS );
}

/** Whether a check could not ask an API (as opposed to problems of the values typed). */
function hasFailure( entry: ImpactEntry ): boolean {
	return entry.problems.some( ( found ) => /-failed$/.test( found.code ) );
}

/** When a run must next measure one of `entries`: '' for never. */
export function nextCheck( entries: ImpactEntry[] ): string {
	let next = '';
	for ( const entry of entries ) {
		const checked = Date.parse( entry.checked );
		if ( isNaN( checked ) ) {
			continue;
		}
		const after = hasFailure( entry ) ? RETRY_AFTER_MS : CHECK_EVERY_MS;
		const due = new Date( checked + after ).toISOString().replace( /\.\d{3}Z$/, 'Z' );
		if ( next === '' || due < next ) {
			next = due;
		}
	}
	return next;
}

/** The entry of a request just measured. A figure that failed keeps the last one measured for the same outcomes. */
export function measuredEntry(
	candidate: ImpactCandidate, figures: ImpactFigures, previous: ImpactEntry | undefined, now: string,
): ImpactEntry {
	const same = previous && previous.hash === candidate.hash ? previous : undefined;
	const keep = <T>( value: T | null, old: T | null | undefined ): T | null => value !== null ? value : old !== undefined ? old : null;
	const filesKnown = figures.files !== null;
	const usageKnown = figures.usage !== null;
	return {
		page: candidate.page,
		year: candidate.year,
		status: candidate.status,
		hash: candidate.hash,
		checked: now,
		category: candidate.category,
		files: keep( figures.files, same && same.files ),
		filesCut: filesKnown ? figures.filesCut : !!( same && same.filesCut ),
		subcategories: keep( figures.subcategories, same && same.subcategories ),
		usage: keep( figures.usage, same && same.usage ),
		usagePages: usageKnown ? figures.usagePages : keep( null, same && same.usagePages ),
		usageWikis: usageKnown ? figures.usageWikis : keep( null, same && same.usageWikis ),
		itemsListed: candidate.items.length,
		items: keep( figures.items, same && same.items ),
		itemsMissing: figures.items !== null ? figures.itemsMissing.slice() : same ? same.itemsMissing.slice() : [],
		query: candidate.query,
		pages: candidate.pages,
		problems: candidate.problems.concat( figures.problems ),
	};
}

/** The entry of a request not due: as last measured, with what changed without asking (status, year). */
export function keptEntry( candidate: ImpactCandidate, previous: ImpactEntry ): ImpactEntry {
	const now = { status: candidate.status, year: candidate.year, query: candidate.query, pages: candidate.pages };
	return Object.assign( {}, previous, now );
}

/** Totals per year of the requests measured, newest year first. */
export function yearTotals( entries: ImpactEntry[] ): YearTotal[] {
	const years: Record<string, YearTotal> = {};
	for ( const entry of entries ) {
		const total = years[ entry.year ] = years[ entry.year ] || { year: entry.year, requests: 0, files: 0, fileUsages: 0, items: 0 };
		total.requests++;
		total.files += entry.files || 0;
		total.fileUsages += entry.usagePages || 0;
		total.items += entry.items || 0;
	}
	return Object.keys( years ).sort().reverse().map( ( year ) => years[ year ] );
}

/** The data page's content. */
export function impactData( entries: ImpactEntry[] ): ImpactData {
	const sorted = entries.slice().sort( ( a, b ) => a.page < b.page ? -1 : a.page > b.page ? 1 : 0 );
	return { schema: IMPACT_SCHEMA, requests: sorted, years: yearTotals( sorted ) };
}

export function impactText( entries: ImpactEntry[] ): string {
	return storedJson( impactData( entries ) );
}

const isCount = ( value: unknown ): value is number => typeof value === 'number' && Number.isInteger( value ) && value >= 0;
const countOrNull = ( value: unknown ): number | null => isCount( value ) ? value : null;
const isText = ( value: unknown, max = 4000 ): value is string => typeof value === 'string' && value.length <= max;

function readProblem( value: unknown ): Problem | null {
	if ( !value || typeof value !== 'object' ) {
		return null;
	}
	const found = value as Record<string, unknown>;
	if ( !isText( found.code, 80 ) || !/^[a-z-]+$/.test( found.code ) || !isText( found.text ) || !Array.isArray( found.params ) ||
		!found.params.every( ( param ) => isText( param, 400 ) ) ) {
		return null;
	}
	return problem( found.code, ( found.params as string[] ).slice( 0, 5 ), found.text );
}

/** One entry as read from the page; null when it is not one the bot wrote. */
function readEntry( value: unknown ): ImpactEntry | null {
	if ( !value || typeof value !== 'object' || Array.isArray( value ) ) {
		return null;
	}
	const entry = value as Record<string, unknown>;
	const usage = entry.usage;
	if ( !isText( entry.page, 512 ) || entry.page === '' || !isText( entry.hash, 40 ) || !/^[0-9a-f]{40}$/.test( entry.hash ) ||
		!isText( entry.checked, 20 ) || isNaN( Date.parse( entry.checked ) ) || !isText( entry.year, 10 ) ||
		!STATUSES.includes( entry.status as Status ) ||
		( usage !== null && usage !== 'global' && usage !== 'same-wiki' && usage !== 'not-available' ) ) {
		return null;
	}
	const problems = Array.isArray( entry.problems ) ? entry.problems.map( readProblem ) : [];
	return {
		page: entry.page,
		year: entry.year,
		status: entry.status as Status,
		hash: entry.hash,
		checked: entry.checked,
		category: isText( entry.category, 255 ) ? entry.category : '',
		files: countOrNull( entry.files ),
		filesCut: entry.filesCut === true,
		subcategories: countOrNull( entry.subcategories ),
		usage: usage as UsageScope | null,
		usagePages: countOrNull( entry.usagePages ),
		usageWikis: countOrNull( entry.usageWikis ),
		itemsListed: isCount( entry.itemsListed ) ? entry.itemsListed : 0,
		items: countOrNull( entry.items ),
		itemsMissing: Array.isArray( entry.itemsMissing ) ?
			entry.itemsMissing.filter( ( id ): id is string => isText( id, 20 ) && ITEM_ID_PATTERN.test( id ) ) : [],
		query: isText( entry.query ) && LINK_PATTERN.test( entry.query ) ? entry.query : '',
		pages: isCount( entry.pages ) ? entry.pages : 0,
		problems: problems.filter( ( found ): found is Problem => found !== null ),
	};
}

/**
 * The entries of Impact.json as saved, by page; entries that are not as the bot
 * writes them are dropped (they are measured again). Never throws.
 */
export function readImpact( text: string | null ): Record<string, ImpactEntry> {
	const entries: Record<string, ImpactEntry> = {};
	if ( text === null ) {
		return entries;
	}
	let data: unknown;
	try {
		data = JSON.parse( text );
	} catch {
		return entries;
	}
	if ( !data || typeof data !== 'object' || ( data as { schema?: unknown } ).schema !== IMPACT_SCHEMA ) {
		return entries;
	}
	const requests = ( data as { requests?: unknown } ).requests;
	for ( const value of Array.isArray( requests ) ? requests : [] ) {
		const entry = readEntry( value );
		if ( entry && !Object.prototype.hasOwnProperty.call( entries, entry.page ) ) {
			entries[ entry.page ] = entry;
		}
	}
	return entries;
}

export interface ImpactPlan {
	/** Requests to measure in this run. */
	due: ImpactCandidate[];
	/** Entries kept as they are. */
	kept: ImpactEntry[];
}

/** Which candidates are measured now; the others keep their entries. Entries of requests without outcomes are dropped. */
export function planImpact( candidates: ImpactCandidate[], previous: Record<string, ImpactEntry>, now: string ): ImpactPlan {
	const plan: ImpactPlan = { due: [], kept: [] };
	for ( const candidate of candidates ) {
		const old = Object.prototype.hasOwnProperty.call( previous, candidate.page ) ? previous[ candidate.page ] : undefined;
		if ( isDue( candidate, old, now ) ) {
			plan.due.push( candidate );
		} else {
			plan.kept.push( keptEntry( candidate, old as ImpactEntry ) );
		}
	}
	return plan;
}
