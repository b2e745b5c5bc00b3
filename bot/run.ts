/**
 * One run of the bot: read what changed, plan, carry the plan out edit by edit,
 * then save the compiled pages and the bot's state. Planning again after each
 * batch of edits is what makes a run converge and a crashed run safe to repeat:
 * every decision is taken on the wiki as it stands.
 *
 * A run whose first API request shows nothing changed (no request page, no
 * compiled page, not the committee or the configuration) and no stage or archive
 * date passed stops there. Otherwise the records of the requests not read again
 * come from the JSON export, trusted only if every export page is the revision
 * the state says the bot saved; if not, every request page is read again.
 */
import { createHash } from 'node:crypto';
import { createTwoFilesPatch } from 'diff';
import type { PlanConfig } from './config';
import { parseCommittee } from './plan/committee';
import { isRequestPage, planRun } from './plan/index';
import { isExportPage, statePartTitle } from './plan/names';
import { COMPILED_PAGES_LAYOUT, obsoletePage, readExportPage, readExportPart, recordOf } from './plan/pages';
import { readState, sameState, stateHeader, statePages } from './plan/state';
import type {
	Attention, BotState, GeneratedPage, Notice, PageHistory, PageSnapshot, Plan, PlannedEdit, RequestRecord, SavedPage, TalkPage,
} from './plan/types';
import { normaliseUserName } from './plan/wikitext';
import { EditRefused, HelpdeskWiki, RunStop, StartRead } from './wiki';

export interface RunOptions {
	plan: PlanConfig;
	fullScanHours: number;
	editSpacingMs: number;
	dryRun: boolean;
	forceFullScan?: boolean;
	now: () => Date;
	sleep: ( ms: number ) => Promise<void>;
	/** API requests made so far by the client (login included). */
	requestCount: () => number;
	log?: ( line: string ) => void;
}

export interface EditReport {
	title: string;
	kind: PlannedEdit[ 'kind' ];
	summary: string;
	result: 'saved' | 'nochange' | 'dry-run' | 'failed';
	error?: string;
	revid?: number;
	/** Unified diff, in a dry run. */
	diff?: string;
}

export interface RunReport {
	ok: boolean;
	dryRun: boolean;
	/** Why the run stopped before the end (shutoff, rate limit, server trouble). */
	stopped: { code: string; message: string } | null;
	fullScan: boolean;
	requests: number;
	pagesRead: number;
	apiRequests: number;
	rounds: number;
	edits: EditReport[];
	notices: Notice[];
	needsAttention: Attention[];
	durationMs: number;
}

/** The run goes ahead only if the shutoff page says `run` (comments aside). */
export function shutoffState( text: string | null, title: string ): { run: boolean; reason: string } {
	if ( text === null ) {
		return { run: false, reason: 'The shutoff page ' + title + ' does not exist; write "run" on it to let the bot run.' };
	}
	const value = text.replace( /<!--[\s\S]*?(-->|$)/g, '' ).trim();
	if ( value.toLowerCase() === 'run' ) {
		return { run: true, reason: '' };
	}
	return { run: false, reason: 'The shutoff page ' + title + ' says "' + value.slice( 0, 80 ) + '" instead of "run".' };
}

export function isoSeconds( date: Date ): string {
	return date.toISOString().replace( /\.\d{3}Z$/, 'Z' );
}

/**
 * A planned edit as a unified diff under an `Index: TITLE` line. No `---`/`+++`
 * lines: the diff library writes those the way git does, with a title such as
 * `User talk:Lucía` as `"User talk:Luc\303\255a"`.
 */
export function dryRunDiff( title: string, before: string, after: string ): string {
	return createTwoFilesPatch( title, title, before, after, '', '', {
		context: 2,
		headerOptions: { includeIndex: true, includeUnderline: true, includeFileHeaders: false },
	} );
}

const MAX_ROUNDS = 12;
const MAX_CONFLICTS = 2;

export async function runOnce( wiki: HelpdeskWiki, options: RunOptions ): Promise<RunReport> {
	const config = options.plan;
	const startedAt = options.now();
	const now = isoSeconds( startedAt );
	const log = options.log || ( () => undefined );
	const report: RunReport = {
		ok: true, dryRun: options.dryRun, stopped: null, fullScan: false, requests: 0, pagesRead: 0, apiRequests: 0, rounds: 0,
		edits: [], notices: [], needsAttention: [], durationMs: 0,
	};
	const requestsBefore = options.requestCount();
	const finish = (): RunReport => {
		report.pagesRead = wiki.pagesRead;
		report.apiRequests = options.requestCount() - requestsBefore;
		report.durationMs = options.now().getTime() - startedAt.getTime();
		return report;
	};
	try {
		await carryOut( wiki, options, config, now, report, log );
	} catch ( error ) {
		if ( error instanceof RunStop ) {
			report.ok = false;
			report.stopped = { code: error.code, message: error.message };
			log( 'Stopped: ' + error.message );
		} else {
			throw error;
		}
	}
	return finish();
}

/** State pages asked for in the first request; a larger state costs one request more. */
export const STATE_PARTS_FIRST_READ = 4;

/** What the compiled pages were made from besides the requests: a change means compiling again. */
export function basisOf( committeeText: string | null, config: PlanConfig, botName: string ): string {
	return createHash( 'sha1' ).update( JSON.stringify( [ committeeText, config, botName, COMPILED_PAGES_LAYOUT ] ), 'utf8' ).digest( 'hex' );
}

/** The state as its pages say (reading parts beyond the first request's, if any), and those pages. */
async function previousState(
	wiki: HelpdeskWiki, config: PlanConfig, start: StartRead, botName: string,
): Promise<{ state: BotState | null; pages: PageSnapshot[] }> {
	const first = start.statePages.find( ( page ) => page.title === config.pages.state );
	const top = first ? stateHeader( first.text ) : null;
	const pages = start.statePages.slice();
	if ( !top ) {
		return { state: null, pages: pages };
	}
	if ( top.parts > STATE_PARTS_FIRST_READ ) {
		const rest = Array.from( { length: top.parts - STATE_PARTS_FIRST_READ }, ( _, i ) => statePartTitle( config.pages, STATE_PARTS_FIRST_READ + i + 1 ) );
		pages.push( ...( await wiki.readPages( rest ) ).pages );
	}
	return { state: readState( config.pages, pages, botName ), pages: pages };
}

const PAGE_CHANGING_LOGS = [ 'delete', 'move', 'import', 'merge' ];

/** Request pages changed since the state was saved, and compiled pages someone else touched. */
function changesSince( state: BotState, start: StartRead, config: PlanConfig ): { requests: string[]; compiled: string[] } {
	const known: Record<number, number> = {};
	state.requests.forEach( ( facts ) => {
		known[ facts.pageid ] = facts.revid;
	} );
	const requests: string[] = [];
	const compiled: string[] = [];
	const add = ( list: string[], title: string | undefined ): void => {
		if ( title && !list.includes( title ) ) {
			list.push( title );
		}
	};
	start.changes.forEach( ( change ) => {
		// Log entries that change what a page holds; not, say, the content model set when the bot created it.
		const logged = change.type === 'log' && PAGE_CHANGING_LOGS.includes( change.logType );
		if ( change.type === 'log' && !logged ) {
			return;
		}
		for ( const title of [ change.title, change.target ] ) {
			if ( title && isRequestPage( config, title ) && ( logged || !( change.pageid in known ) || change.revid > known[ change.pageid ] ) ) {
				add( requests, title );
			}
			const saved = title ? state.pages[ title ] : undefined;
			if ( title && saved && ( logged || change.revid > saved.revid ) ) {
				add( compiled, title );
			}
		}
	} );
	return { requests: requests.sort(), compiled: compiled };
}

/**
 * The records of every request as the last run exported them, or null if an
 * export page is not the revision the bot saved, or the export and the state
 * disagree on which revision of each request they describe.
 */
async function exportedRecords( wiki: HelpdeskWiki, config: PlanConfig, state: BotState ): Promise<RequestRecord[] | null> {
	const titles = Object.keys( state.pages ).filter( ( title ) => isExportPage( config.pages, title ) );
	if ( !titles.includes( config.pages.export ) ) {
		return null;
	}
	const read: Record<string, PageSnapshot> = {};
	( await wiki.readPages( titles ) ).pages.forEach( ( page ) => {
		read[ page.title ] = page;
	} );
	const trusted = ( title: string ): PageSnapshot | null => read[ title ] && read[ title ].revid === state.pages[ title ].revid ? read[ title ] : null;
	const main = trusted( config.pages.export );
	const index = main ? readExportPage( main.text ) : null;
	if ( !index ) {
		return null;
	}
	const records = index.requests.map( recordOf );
	for ( const entry of index.pages ) {
		const page = state.pages[ entry.title ] ? trusted( entry.title ) : null;
		const requests = page ? readExportPart( page.text, config.pages.export ) : null;
		if ( !requests ) {
			return null;
		}
		records.push( ...requests.map( recordOf ) );
	}
	const revids: Record<number, number> = {};
	state.requests.forEach( ( facts ) => {
		revids[ facts.pageid ] = facts.revid;
	} );
	// Requests too large for the export are missing from it: those too make it untrustworthy here.
	if ( records.length !== state.requests.length || records.some( ( record ) => revids[ record.pageid ] !== record.revid ) ) {
		return null;
	}
	return records.sort( ( a, b ) => a.page < b.page ? -1 : a.page > b.page ? 1 : 0 );
}

async function carryOut( wiki: HelpdeskWiki, options: RunOptions, config: PlanConfig, now: string, report: RunReport, log: ( line: string ) => void ): Promise<void> {
	const stateTitles = Array.from( { length: STATE_PARTS_FIRST_READ }, ( _, i ) => statePartTitle( config.pages, i + 1 ) );
	const start = await wiki.readStart( 600, stateTitles, ( pages ) => {
		const first = pages.find( ( page ) => page.title === config.pages.state );
		const top = first ? stateHeader( first.text ) : null;
		return top ? top.saved : '';
	} );
	const botName = normaliseUserName( start.userName );
	wiki.botName = botName;
	const shutoff = shutoffState( start.shutoff, config.pages.shutoff );
	if ( !shutoff.run ) {
		report.stopped = { code: 'shutoff', message: shutoff.reason };
		log( shutoff.reason );
		return;
	}
	const committee = parseCommittee( start.committee, config.templates.committeeMember );
	wiki.allowTalkPages( committee.members.filter( ( member ) => member.notify === 'talk' ).map( ( member ) => config.userTalkPrefix + member.name ) );

	const { state, pages: stateRead } = await previousState( wiki, config, start, botName );
	const basis = basisOf( start.committee, config, botName );
	let fullScan = !!options.forceFullScan || !state || state.lastFullScan === '' || start.coveredSince === '' ||
		Date.parse( now ) - Date.parse( state.lastFullScan ) >= options.fullScanHours * 3600000;
	const changes = state ? changesSince( state, start, config ) : { requests: [], compiled: [] };
	if ( state && !fullScan && changes.requests.length === 0 && changes.compiled.length === 0 && state.basis === basis &&
		( state.recheck === '' || state.recheck > now ) ) {
		report.requests = state.requests.length;
		log( 'Nothing changed since ' + state.saved + '.' );
		return;
	}
	let known: RequestRecord[] = [];
	if ( !fullScan ) {
		const records = await exportedRecords( wiki, config, state! );
		if ( records ) {
			known = records;
		} else {
			log( 'The JSON export is not as the bot saved it: reading every request page.' );
			fullScan = true;
		}
	}
	report.fullScan = fullScan;
	const view = new Map<string, PageSnapshot>();
	const gone: string[] = [];
	if ( fullScan ) {
		( await wiki.readAllRequests() ).forEach( ( page ) => view.set( page.title, page ) );
	} else if ( changes.requests.length ) {
		const { pages, missing } = await wiki.readPages( changes.requests );
		pages.forEach( ( page ) => view.set( page.title, page ) );
		gone.push( ...missing );
	}
	const history: Record<string, PageHistory> = {};
	const talkPages: Record<string, TalkPage> = {};
	const talkUnavailable: string[] = [];
	const skipped: string[] = [];
	// Pages saved with a signature: the wiki's text differs from ours until read again.
	const stale: string[] = [];
	const conflicts: Record<string, number> = {};
	let plan: Plan | null = null;
	// Whether the last plan had nothing left to do; if not, the next run must look again.
	let settled = false;
	let editsSoFar = 0;
	const spacing = async (): Promise<void> => {
		if ( editsSoFar > 0 && options.editSpacingMs > 0 && !options.dryRun ) {
			await options.sleep( options.editSpacingMs );
		}
		editsSoFar++;
	};

	for ( let round = 0; round < MAX_ROUNDS; round++ ) {
		report.rounds = round + 1;
		plan = planRun( {
			config: config,
			botName: botName,
			now: now,
			committeeText: start.committee,
			previous: state ? { facts: state.requests, records: known } : null,
			pages: Array.from( view.values() ),
			fullScan: fullScan,
			gone: gone,
			history: history,
			talkPages: talkPages,
			talkUnavailable: talkUnavailable,
		} );
		const wants = plan.wants;
		if ( wants.content.length || wants.history.length || wants.talkPages.length ) {
			if ( wants.content.length ) {
				const { pages, missing } = await wiki.readPages( wants.content );
				pages.forEach( ( page ) => view.set( page.title, page ) );
				gone.push( ...missing );
			}
			for ( const want of wants.history ) {
				history[ want.title ] = await wiki.readHistory( want.title, want.fromRevid );
			}
			if ( wants.talkPages.length ) {
				( await wiki.readTalkPages( wants.talkPages ) ).forEach( ( talk ) => {
					talkPages[ talk.title ] = talk;
				} );
			}
			continue;
		}
		const edits = plan.edits.filter( ( edit ) => !skipped.includes( edit.title ) && !talkUnavailable.includes( edit.title ) );
		if ( edits.length === 0 ) {
			settled = true;
			break;
		}
		/** Read a page afresh (after an edit conflict, or when it went stale) before planning it again. */
		const readAgain = async ( edit: { title: string; kind: string } ): Promise<void> => {
			if ( edit.kind === 'talk' ) {
				( await wiki.readTalkPages( [ edit.title ] ) ).forEach( ( fresh ) => {
					talkPages[ fresh.title ] = fresh;
				} );
			} else {
				( await wiki.readPages( [ edit.title ] ) ).pages.forEach( ( fresh ) => view.set( fresh.title, fresh ) );
			}
		};
		for ( const edit of edits ) {
			if ( stale.includes( edit.title ) ) {
				stale.splice( stale.indexOf( edit.title ), 1 );
				await readAgain( edit );
				break;
			}
			const page = view.get( edit.title );
			const talk = talkPages[ edit.title ];
			const base = edit.kind === 'talk' ?
				{ text: talk ? talk.text : '', revid: talk ? talk.revid : null, timestamp: talk ? talk.timestamp : '' } :
				{ text: page ? page.text : '', revid: page ? page.revid : null, timestamp: page ? page.timestamp : '' };
			let saved: { revid: number; timestamp: string; nochange: boolean };
			if ( options.dryRun ) {
				report.edits.push( {
					title: edit.title, kind: edit.kind, summary: edit.summary, result: 'dry-run',
					diff: dryRunDiff( edit.title, base.text, edit.text ),
				} );
				saved = { revid: ( base.revid || 0 ) + 1, timestamp: now, nochange: false };
			} else {
				await spacing();
				try {
					saved = await wiki.edit( edit, base );
				} catch ( error ) {
					if ( !( error instanceof EditRefused ) ) {
						throw error;
					}
					if ( error.code === 'editconflict' && ( conflicts[ edit.title ] = ( conflicts[ edit.title ] || 0 ) + 1 ) <= MAX_CONFLICTS ) {
						log( 'Edit conflict on ' + edit.title + ': reading it again.' );
						await readAgain( edit );
						break;
					}
					report.edits.push( { title: edit.title, kind: edit.kind, summary: edit.summary, result: 'failed', error: error.message } );
					report.needsAttention.push( { page: edit.title, reason: error.message } );
					log( error.message );
					( edit.kind === 'talk' ? talkUnavailable : skipped ).push( edit.title );
					break;
				}
				report.edits.push( { title: edit.title, kind: edit.kind, summary: edit.summary, result: saved.nochange ? 'nochange' : 'saved', revid: saved.revid } );
				log( ( saved.nochange ? 'No change: ' : 'Saved: ' ) + edit.title + ' (' + edit.summary + ')' );
			}
			report.notices.push( ...edit.notices );
			if ( !options.dryRun && edit.text.includes( '~~~~' ) ) {
				stale.push( edit.title );
			}
			if ( edit.kind === 'talk' ) {
				talkPages[ edit.title ] = { title: edit.title, revid: saved.revid, timestamp: saved.timestamp, text: edit.text };
			} else {
				view.set( edit.title, {
					title: edit.title, pageid: page ? page.pageid : 0, revid: saved.revid, timestamp: saved.timestamp, user: botName, text: edit.text,
				} );
			}
		}
	}
	if ( !plan ) {
		return;
	}
	report.requests = plan.records.length;
	report.needsAttention.push( ...plan.needsAttention );

	const compiled = await saveCompiled( wiki, options, report, plan, state, fullScan ? null : changes.compiled, spacing );
	const retry = !settled || report.edits.some( ( edit ) => edit.result === 'failed' );
	const next: BotState = {
		saved: now,
		lastFullScan: fullScan ? now : state!.lastFullScan,
		// After a failed edit or an unfinished plan, look again next run, keeping the time a retry was first asked for.
		recheck: retry ? ( state && state.recheck !== '' && state.recheck <= now ? state.recheck : now ) : plan.recheck,
		basis: basis,
		pages: compiled,
		requests: plan.facts,
	};
	if ( !state || !sameState( next, state ) ) {
		await saveState( wiki, options, report, config, next, stateRead, spacing );
	}
}

/**
 * Save each compiled page whose text changed, and empty the ones no longer
 * needed; the pages as they then stand, for the state. `touched`: pages someone
 * else edited since the state was saved; null to check every page's revision.
 */
async function saveCompiled(
	wiki: HelpdeskWiki, options: RunOptions, report: RunReport, plan: Plan, state: BotState | null, touched: string[] | null, spacing: () => Promise<void>,
): Promise<Record<string, SavedPage>> {
	const config = options.plan;
	const recorded = state ? state.pages : {};
	const titles = plan.compiled.map( ( page ) => page.title );
	const obsolete = Object.keys( recorded ).filter( ( title ) => !titles.includes( title ) ).sort();
	// Pages whose revision on the wiki the state cannot vouch for.
	const unsure = titles.concat( obsolete ).filter( ( title ) => touched === null || !recorded[ title ] || touched.includes( title ) );
	const onWiki = unsure.length ? await wiki.readGeneratedInfo( unsure ) : {};
	const current = ( title: string ): SavedPage | null => title in onWiki ? onWiki[ title ] : recorded[ title ] || null;
	const pages: Record<string, SavedPage> = {};
	for ( const page of plan.compiled ) {
		const now = current( page.title );
		if ( now && now.sha1 === page.sha1 ) {
			pages[ page.title ] = { revid: now.revid, sha1: now.sha1 };
			continue;
		}
		const saved = await saveGenerated( wiki, options, report, page, now ? now.revid : null, spacing );
		if ( saved ) {
			pages[ page.title ] = saved;
		} else if ( options.dryRun ) {
			// What the state would say: the revision is not known before saving.
			pages[ page.title ] = { revid: now ? now.revid : 0, sha1: page.sha1 };
		}
	}
	for ( const title of obsolete ) {
		const now = current( title );
		const stub = obsoletePage( config, title );
		if ( now && now.sha1 !== stub.sha1 ) {
			await saveGenerated( wiki, options, report, stub, now.revid, spacing );
		}
	}
	return pages;
}

/** The state's parts, the later ones first: part 1, which names the save, goes last. */
async function saveState(
	wiki: HelpdeskWiki, options: RunOptions, report: RunReport, config: PlanConfig, state: BotState,
	read: PageSnapshot[], spacing: () => Promise<void>,
): Promise<void> {
	const parts = statePages( config.pages, state, config.maxPageBytes );
	const base: Record<string, { text: string; revid: number | null; timestamp: string }> = {};
	read.forEach( ( page ) => {
		base[ page.title ] = { text: page.text, revid: page.revid, timestamp: page.timestamp };
	} );
	// Parts beyond those read may exist from an earlier, larger state.
	const unknown = parts.map( ( part ) => part.title ).filter( ( title, index ) => !base[ title ] && index >= STATE_PARTS_FIRST_READ );
	if ( unknown.length ) {
		const info = await wiki.readGeneratedInfo( unknown );
		unknown.forEach( ( title ) => {
			const page = info[ title ];
			base[ title ] = { text: '', revid: page ? page.revid : null, timestamp: page ? page.timestamp : '' };
		} );
	}
	for ( const part of parts.slice( 1 ).concat( parts.slice( 0, 1 ) ) ) {
		const from = base[ part.title ] || { text: '', revid: null, timestamp: '' };
		const saved = await saveEdit( wiki, options, report, {
			title: part.title,
			kind: 'state',
			text: part.text,
			summary: 'Helpdesk bot: state after this run (' + state.requests.length + ' requests)',
			baseRevid: from.revid,
			baseTimestamp: from.timestamp,
			reasons: [ 'the state changed' ],
			notices: [],
			mentions: 0,
			contentModel: 'json',
		}, from, spacing );
		if ( !saved && !options.dryRun ) {
			// Part 1 unsaved leaves the last complete state, or none: never half of a new one.
			return;
		}
	}
}

async function saveGenerated(
	wiki: HelpdeskWiki, options: RunOptions, report: RunReport, page: GeneratedPage, revid: number | null, spacing: () => Promise<void>,
): Promise<{ revid: number; sha1: string } | null> {
	const edit: PlannedEdit = {
		title: page.title,
		kind: page.contentModel === 'json' ? 'export' : 'generated',
		text: page.text,
		summary: 'Helpdesk bot: update from the request pages',
		baseRevid: revid,
		baseTimestamp: '',
		reasons: [ 'the content changed' ],
		notices: [],
		mentions: 0,
		contentModel: page.contentModel,
	};
	// The page is ours: no base text is needed to decide on it, only its revision.
	const saved = await saveEdit( wiki, options, report, edit, { text: '', revid: revid, timestamp: '' }, spacing );
	return saved ? { revid: saved.revid, sha1: page.sha1 } : null;
}

async function saveEdit(
	wiki: HelpdeskWiki, options: RunOptions, report: RunReport, edit: PlannedEdit,
	base: { text: string; revid: number | null; timestamp: string }, spacing: () => Promise<void>,
): Promise<{ revid: number } | null> {
	if ( options.dryRun ) {
		report.edits.push( {
			title: edit.title, kind: edit.kind, summary: edit.summary, result: 'dry-run',
			diff: dryRunDiff( edit.title, base.text, edit.text ),
		} );
		return null;
	}
	await spacing();
	try {
		const saved = await wiki.edit( edit, base );
		report.edits.push( { title: edit.title, kind: edit.kind, summary: edit.summary, result: saved.nochange ? 'nochange' : 'saved', revid: saved.revid } );
		return saved;
	} catch ( error ) {
		if ( !( error instanceof EditRefused ) ) {
			throw error;
		}
		report.edits.push( { title: edit.title, kind: edit.kind, summary: edit.summary, result: 'failed', error: error.message } );
		report.needsAttention.push( { page: edit.title, reason: error.message } );
		return null;
	}
}

export { RunStop };
