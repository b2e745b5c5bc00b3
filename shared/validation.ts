/**
 * What the form accepts. The gadget checks fields as they are typed and before
 * saving; the e-mail import checks whole requests. Problems are codes, never
 * sentences: the gadget shows each as the message `helpdesk-problem-<code>`.
 */
import { isCountryCode } from './countries';
import {
	HelpdeskRequest, LIMITS, PARTNERSHIP_STAGES, PartnershipStage, RequestFormFields, SUPPORT_KINDS, TARGET_PROJECTS,
} from './request';
import { isStatus, isWorkingGroup } from './status';

export type FieldProblemCode =
	'required' | 'too-long' | 'too-many' | 'affiliate-or-individual' | 'unknown-country' | 'invalid-link' | 'unknown-choice';

export interface FieldProblem {
	field: keyof RequestFormFields;
	code: FieldProblemCode;
	/** The bound exceeded, for `too-long` (characters) and `too-many` (entries). */
	limit?: number;
	/** Index of the list entry concerned, from 0. */
	entry?: number;
}

/** Codes only a whole request can have: its timestamps and outcomes are not typed on the form. */
export type RequestProblemCode = FieldProblemCode | 'invalid-timestamp' | 'invalid-category' | 'invalid-item' | 'invalid-page';

export interface RequestProblem {
	field: keyof HelpdeskRequest;
	code: RequestProblemCode;
	limit?: number;
	entry?: number;
}

/** The fields in the order the form shows them; problems come in this order. */
export const FORM_FIELDS: readonly ( keyof RequestFormFields )[] = [
	'title', 'affiliate', 'individual', 'country', 'partners', 'support', 'stage',
	'contentType', 'volume', 'projects', 'languages', 'timeline', 'description', 'links',
];

/** A link: http or https, a host, then anything but whitespace. */
export const LINK_PATTERN = /^https?:\/\/(?=[^\s/?#\\]*[0-9A-Za-z\u00a1-\uffff])[^\s/?#\\]+(?:[/?#]\S*)?$/;

/**
 * A category name as a title can have it (with or without `Category:`): something
 * visible, none of the characters that make links, templates, tags or sections.
 */
// eslint-disable-next-line no-control-regex -- control characters are refused
export const CATEGORY_NAME_PATTERN = /^(?![\s_]*$)(?![\s_]*[Cc][Aa][Tt][Ee][Gg][Oo][Rr][Yy][\s_]*:[\s_]*$)[^#<>[\]{}|\u0000-\u001f\u007f]+$/;

/** A Wikidata item id. */
export const ITEM_ID_PATTERN = /^Q[1-9][0-9]*$/;

/** Interwiki text of a page (`w:sv:Title`, `[[:sv:Title]]`): a prefix, a colon, a title; no `scheme://`. */
export const INTERWIKI_PAGE_PATTERN = /^(?!\[*:?[A-Za-z0-9-]*:\/\/)(?:\[\[:?[A-Za-z][A-Za-z0-9-]*:[^[\]{}|<>\n]*[^[\]{}|<>\s][^[\]{}|<>\n]*\]\]|:?[A-Za-z][A-Za-z0-9-]*:[^[\]{}|<>\s][^[\]{}|<>\n]*)$/;

/** An outcome page: an http(s) link or interwiki text. */
export function isOutcomePage( entry: string ): boolean {
	return LINK_PATTERN.test( entry ) || INTERWIKI_PAGE_PATTERN.test( entry );
}

/** The category's name without `Category:` and surrounding space, or '' when it is no category name. */
export function outcomeCategoryName( typed: string ): string {
	if ( !CATEGORY_NAME_PATTERN.test( typed ) ) {
		return '';
	}
	return typed.replace( /^[\s_]*category[\s_]*:/i, '' ).replace( /[\s_]+/g, ' ' ).trim();
}

/** ISO 8601 in UTC to the second, as the codec writes it plainly. */
export const TIMESTAMP_PATTERN = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)Z$/;

/** A MediaWiki language code (`sv`, `pt-br`, `be-tarask`). */
export const LANGUAGE_CODE_PATTERN = /^[a-z]{2,3}(?:-[a-z0-9]+)*$/;

/** Lone surrogates (from a bad paste) would become U+FFFD on the wiki anyway. */
function wellFormed( text: string ): string {
	let out = '';
	for ( const ch of text ) {
		out += ch.length === 1 && ch >= '\ud800' && ch <= '\udfff' ? '\ufffd' : ch;
	}
	return out;
}

/**
 * Control characters other than tab and line break cannot be shown on a wiki page
 * (MediaWiki turns them into U+FFFD), so they are dropped as the text is taken.
 */
function cleanText( text: string ): string {
	// eslint-disable-next-line no-control-regex -- these are the characters to drop
	return wellFormed( text ).normalize( 'NFC' ).replace( /\r\n?/g, '\n' ).replace( /[\x00-\x08\x0b-\x1f\x7f]/g, '' );
}

/** A one-line field: line breaks from a paste become spaces. */
function cleanLine( text: string ): string {
	return cleanText( text ).replace( /\n/g, ' ' ).trim();
}

function cleanList( entries: readonly string[] ): string[] {
	return entries.map( cleanLine ).filter( ( entry ) => entry !== '' );
}

function cleanCodes<T extends string>( codes: readonly T[] ): T[] {
	return cleanList( codes ).filter( ( code, index, all ) => all.indexOf( code ) === index ) as T[];
}

/** Phones capitalise the first letter: `Https://` is still a link. */
function cleanLink( link: string ): string {
	return link.replace( /^https?:\/\//i, ( scheme ) => scheme.toLowerCase() );
}

/**
 * The fields as they are saved: well-formed Unicode in NFC, `\n` line breaks, no
 * surrounding space, no empty list entries, no repeated choices, the country code
 * in upper case. An affiliate typed next to "individual" is kept.
 */
export function normaliseFields( fields: RequestFormFields ): RequestFormFields {
	return {
		title: cleanLine( fields.title ),
		affiliate: cleanLine( fields.affiliate ),
		individual: fields.individual,
		country: cleanLine( fields.country.toUpperCase() ),
		partners: cleanList( fields.partners ),
		support: cleanCodes( fields.support ),
		stage: cleanLine( fields.stage ) as PartnershipStage | '',
		contentType: cleanLine( fields.contentType ),
		volume: cleanLine( fields.volume ),
		projects: cleanCodes( fields.projects ),
		languages: cleanList( fields.languages ),
		timeline: cleanLine( fields.timeline ),
		description: cleanText( fields.description ).trim(),
		links: cleanList( fields.links ).map( cleanLink ),
	};
}

/** Length in characters (code points), as JSON Schema's maxLength counts. */
export function characterCount( text: string ): number {
	return Array.from( text ).length;
}

/** Blank once saved: only white space and the control characters the wiki drops. */
function isBlank( text: string ): boolean {
	// eslint-disable-next-line no-control-regex -- the characters cleanText drops
	return text.replace( /[\x00-\x08\x0b-\x1f\x7f]/g, '' ).trim() === '';
}

function isOneOf( value: string, allowed: readonly string[] ): boolean {
	return allowed.includes( value );
}

/** Whether `text` is a real moment written as `2026-11-21T09:30:00Z`. */
export function isTimestamp( text: string ): boolean {
	const parts = TIMESTAMP_PATTERN.exec( text );
	if ( !parts ) {
		return false;
	}
	const [ year, month, day, hour, minute, second ] = parts.slice( 1 ).map( Number );
	const date = new Date( Date.UTC( year, month - 1, day, hour, minute, second ) );
	return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day &&
		hour < 24 && minute < 60 && second < 60;
}

interface Problem<F extends string, C extends string> {
	field: F;
	code: C;
	limit?: number;
	entry?: number;
}

interface ProblemList<F extends string, C extends string> {
	problems: Problem<F, C>[];
	add( field: F, code: C, limit?: number, entry?: number ): void;
	text( field: F, value: string, limit: number, required: boolean ): void;
	list( field: F, entries: readonly string[], entryProblem: ( entry: string ) => C | null ): void;
}

/** Collects problems of one kind of record in the order they are checked. */
function problemList<F extends string, C extends string>(): ProblemList<F, C> {
	const problems: Problem<F, C>[] = [];
	const add = ( field: F, code: C, limit?: number, entry?: number ): void => {
		const problem: Problem<F, C> = { field: field, code: code };
		if ( limit !== undefined ) {
			problem.limit = limit;
		}
		if ( entry !== undefined ) {
			problem.entry = entry;
		}
		problems.push( problem );
	};
	return {
		problems: problems,
		add: add,
		text: ( field, value, limit, required ) => {
			if ( required && isBlank( value ) ) {
				add( field, 'required' as C );
			} else if ( characterCount( value ) > limit ) {
				add( field, 'too-long' as C, limit );
			}
		},
		list: ( field, entries, entryProblem ) => {
			if ( entries.length > LIMITS.listEntries ) {
				add( field, 'too-many' as C, LIMITS.listEntries );
			}
			entries.forEach( ( entry, index ) => {
				if ( characterCount( entry ) > LIMITS.shortText ) {
					add( field, 'too-long' as C, LIMITS.shortText, index );
				}
				const problem = entryProblem( entry );
				if ( problem ) {
					add( field, problem, undefined, index );
				}
			} );
		},
	};
}

const noProblem = (): null => null;

/**
 * Problems of the fields of a request form, in the order of the form. Expects
 * fields as normaliseFields() leaves them (entry indexes refer to what is given).
 */
export function validateFields( fields: RequestFormFields ): FieldProblem[] {
	const found = problemList<keyof RequestFormFields, FieldProblemCode>();
	const choice = ( allowed: readonly string[] ) => ( entry: string ): FieldProblemCode | null => isOneOf( entry, allowed ) ? null : 'unknown-choice';
	found.text( 'title', fields.title, LIMITS.title, true );
	found.text( 'affiliate', fields.affiliate, LIMITS.shortText, false );
	if ( isBlank( fields.affiliate ) && !fields.individual ) {
		found.add( 'affiliate', 'affiliate-or-individual' );
	}
	if ( isBlank( fields.country ) ) {
		found.add( 'country', 'required' );
	} else if ( !isCountryCode( fields.country ) ) {
		found.add( 'country', 'unknown-country' );
	}
	found.list( 'partners', fields.partners, noProblem );
	if ( fields.support.length === 0 ) {
		found.add( 'support', 'required' );
	}
	found.list( 'support', fields.support, choice( SUPPORT_KINDS ) );
	if ( fields.stage !== '' && !isOneOf( fields.stage, PARTNERSHIP_STAGES ) ) {
		found.add( 'stage', 'unknown-choice' );
	}
	found.text( 'contentType', fields.contentType, LIMITS.shortText, false );
	found.text( 'volume', fields.volume, LIMITS.shortText, false );
	found.list( 'projects', fields.projects, choice( TARGET_PROJECTS ) );
	found.list( 'languages', fields.languages, noProblem );
	found.text( 'timeline', fields.timeline, LIMITS.shortText, false );
	found.text( 'description', fields.description, LIMITS.description, true );
	found.list( 'links', fields.links, ( link ) => LINK_PATTERN.test( link ) ? null : 'invalid-link' );
	return found.problems;
}

/**
 * Problems of a whole request (from an import, or a page edited by hand): those of
 * its form fields, then of what the form does not ask (requester, filing time,
 * language, status). Adds one code of its own: `invalid-timestamp`.
 */
export function validateRequest( request: HelpdeskRequest ): RequestProblem[] {
	const found = problemList<keyof HelpdeskRequest, RequestProblemCode>();
	found.text( 'requester', request.requester, LIMITS.shortText, true );
	if ( isBlank( request.filed ) ) {
		found.add( 'filed', 'required' );
	} else if ( !isTimestamp( request.filed ) ) {
		found.add( 'filed', 'invalid-timestamp' );
	}
	if ( isBlank( request.language ) ) {
		found.add( 'language', 'required' );
	} else if ( !LANGUAGE_CODE_PATTERN.test( request.language ) ) {
		found.add( 'language', 'unknown-choice' );
	}
	if ( !isStatus( request.status ) ) {
		found.add( 'status', 'unknown-choice' );
	}
	if ( request.statusSince !== '' && !isTimestamp( request.statusSince ) ) {
		found.add( 'statusSince', 'invalid-timestamp' );
	}
	if ( request.workingGroup !== '' && !isWorkingGroup( request.workingGroup ) ) {
		found.add( 'workingGroup', 'unknown-choice' );
	}
	outcomeProblems( request ).forEach( ( problem ) => found.add( problem.field, problem.code, problem.limit, problem.entry ) );
	return ( validateFields( request ) as RequestProblem[] ).concat( found.problems );
}

/**
 * Problems of the outcomes of a request (all optional): a category name, Wikidata
 * item ids, a query link and pages as links or interwiki text.
 */
export function outcomeProblems( request: HelpdeskRequest ): RequestProblem[] {
	const found = problemList<keyof HelpdeskRequest, RequestProblemCode>();
	const category = request.outcomeCategory;
	if ( category !== undefined && category !== '' ) {
		if ( characterCount( category ) > LIMITS.shortText ) {
			found.add( 'outcomeCategory', 'too-long', LIMITS.shortText );
		} else if ( outcomeCategoryName( category ) === '' ) {
			found.add( 'outcomeCategory', 'invalid-category' );
		}
	}
	found.list( 'outcomeItems', request.outcomeItems || [], ( id ) => ITEM_ID_PATTERN.test( id ) ? null : 'invalid-item' );
	const query = request.outcomeQuery;
	if ( query !== undefined && query !== '' ) {
		if ( characterCount( query ) > LIMITS.queryLink ) {
			found.add( 'outcomeQuery', 'too-long', LIMITS.queryLink );
		} else if ( !LINK_PATTERN.test( query ) ) {
			found.add( 'outcomeQuery', 'invalid-link' );
		}
	}
	found.list( 'outcomePages', request.outcomePages || [], ( page ) => isOutcomePage( page ) ? null : 'invalid-page' );
	return found.problems;
}
