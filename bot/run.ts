/**
 * The executor: one run of the bot. It asks the wiki whether anything changed
 * since the last run (one API request when nothing did); if so it reads every
 * request page, plans, carries out the edits, reads back every page it edited (or
 * failed to) and plans again on what the wiki saved, until nothing is left; then
 * it saves the compiled pages and the state. Every decision is the planner's, on
 * the wiki as it stands: a run stopped anywhere is safe to run again.
 */
import type { PlanConfig } from './config';
import { isoSeconds, stripComments } from '../shared/wikitext';
import { historyNeedsMore } from './plan/added-by';
import { historyKeys, parseCommittee } from './plan/committee';
import { basisOf, planRun } from './plan/index';
import { settingsHistoryEnough } from './plan/settings-in-force';
import { statePartTitle } from './plan/names';
import { readState, sameState, stateHeader } from './plan/state';
import type { Attention, BotState, Notice, PageSnapshot, Plan, PlannedEdit, Revision, TalkPage } from './plan/types';
import { normaliseUserName } from './plan/wikitext';
import { dryRunDiff, MAX_TRIES, saveCompiled, saveState } from './own-pages';
import { EditRefused, HelpdeskWiki, RunStop } from './wiki';
import { ImpactSources, impactSources, updateImpact } from './impact';

export interface RunOptions {
	plan: PlanConfig;
	editSpacingMs: number;
	dryRun: boolean;
	forceFullScan?: boolean;
	/** The run stops itself, unfinished, before this many milliseconds have passed (0: no limit). */
	budgetMs?: number;
	now: () => Date;
	sleep: ( ms: number ) => Promise<void>;
	/** API requests made so far by the client (login included). */
	requestCount: () => number;
	/** The APIs of Commons and Wikidata (for tests); by default made from `plan.impact`. */
	impact?: ImpactSources;
	log?: ( line: string ) => void;
}

export interface EditReport {
	title: string;
	kind: PlannedEdit[ 'kind' ];
	summary: string;
	result: 'saved' | 'nochange' | 'dry-run' | 'failed' | 'gone' | 'unsure';
	error?: string;
	revid?: number;
	/** Unified diff, in a dry run. */
	diff?: string;
}

export interface RunReport {
	ok: boolean;
	dryRun: boolean;
	/** Why the run stopped before the end (shutoff, rate limit, server trouble, its time budget). */
	stopped: { code: string; message: string } | null;
	fullScan: boolean;
	requests: number;
	pagesRead: number;
	apiRequests: number;
	rounds: number;
	edits: EditReport[];
	notices: Notice[];
	needsAttention: Attention[];
	/** Requests whose outcomes' impact was counted in this run, and the API requests that took (Commons and Wikidata). */
	impact: { measured: number; apiRequests: number };
	durationMs: number;
}

/** The run goes ahead only if the shutoff page says `run` (comments aside). */
export function shutoffState( text: string | null, title: string ): { run: boolean; reason: string } {
	if ( text === null ) {
		return { run: false, reason: 'The shutoff page ' + title + ' does not exist; write "run" on it to let the bot run.' };
	}
	const value = stripComments( text ).trim();
	return value.toLowerCase() === 'run' ? { run: true, reason: '' } :
		{ run: false, reason: 'The shutoff page ' + title + ' says "' + value.slice( 0, 80 ) + '" instead of "run".' };
}

/** State pages asked for in the first request; a larger state costs one request more. */
export const STATE_PARTS_FIRST_READ = 4;
const MAX_ROUNDS = 25;
/** A state older than this is not trusted to have seen every change (recent changes are kept 30–90 days). */
const STATE_MAX_AGE_MS = 30 * 86400000;

class Unfinished extends Error {}

export async function runOnce( wiki: HelpdeskWiki, options: RunOptions ): Promise<RunReport> {
	const startedAt = options.now();
	const report: RunReport = {
		ok: true, dryRun: options.dryRun, stopped: null, fullScan: false, requests: 0, pagesRead: 0, apiRequests: 0, rounds: 0,
		edits: [], notices: [], needsAttention: [], impact: { measured: 0, apiRequests: 0 }, durationMs: 0,
	};
	const requestsBefore = options.requestCount();
	try {
		await carryOut( wiki, options, startedAt, report );
	} catch ( error ) {
		if ( !( error instanceof RunStop ) && !( error instanceof Unfinished ) ) {
			throw error;
		}
		report.ok = false;
		report.stopped = error instanceof RunStop ? { code: error.code, message: error.message } : { code: 'unfinished', message: error.message };
		( options.log || ( () => undefined ) )( 'Stopped: ' + error.message );
	}
	report.ok = report.ok && !report.edits.some( ( edit ) => edit.result === 'failed' || edit.result === 'unsure' );
	report.pagesRead = wiki.pagesRead;
	report.apiRequests = options.requestCount() - requestsBefore;
	report.durationMs = options.now().getTime() - startedAt.getTime();
	return report;
}

async function carryOut( wiki: HelpdeskWiki, options: RunOptions, startedAt: Date, report: RunReport ): Promise<void> {
	const config = options.plan;
	const now = isoSeconds( startedAt.getTime() );
	const log = options.log || ( () => undefined );
	const stateTitles = Array.from( { length: STATE_PARTS_FIRST_READ }, ( _, i ) => statePartTitle( config.pages, i + 1 ) );
	const start = await wiki.readStart( stateTitles, ( read ) => {
		const first = read.find( ( page ) => page.title === config.pages.state );
		const header = first ? stateHeader( first.text ) : null;
		return header ? { saved: header.saved, rcid: header.rcid } : null;
	} );
	const botName = normaliseUserName( start.userName );
	const shutoff = shutoffState( start.shutoff, config.pages.shutoff );
	if ( !shutoff.run ) {
		report.stopped = { code: 'shutoff', message: shutoff.reason };
		return log( shutoff.reason );
	}
	const committee = parseCommittee( start.committee, config.templates.committeeMember );
	wiki.allowTalkPages( committee.members.filter( ( member ) => member.notify === 'talk' ).map( ( member ) => config.userTalkPrefix + member.name ) );
	const statePagesRead = start.statePages.slice();
	const top = statePagesRead.length ? stateHeader( statePagesRead[ 0 ].text ) : null;
	if ( top && top.parts > STATE_PARTS_FIRST_READ ) {
		statePagesRead.push( ...( await wiki.readPages( Array.from( { length: top.parts - STATE_PARTS_FIRST_READ },
			( _, i ) => statePartTitle( config.pages, STATE_PARTS_FIRST_READ + i + 1 ) ) ) ).pages );
	}
	const state = readState( config.pages, statePagesRead, botName );
	if ( state && !options.forceFullScan && start.covered && start.changed.length === 0 &&
		state.basis === basisOf( start.committee, start.settings ? start.settings.text : null, config, botName, start.volunteers ) &&
		( state.recheck === '' || state.recheck > now ) && startedAt.getTime() - Date.parse( state.saved ) < STATE_MAX_AGE_MS ) {
		return log( 'Nothing changed since ' + state.saved + '.' );
	}
	report.fullScan = true;
	const deadline = options.budgetMs ? startedAt.getTime() + options.budgetMs : Infinity;
	const inTime = (): void => {
		if ( options.now().getTime() >= deadline ) {
			throw new Unfinished( 'The run reached its time budget; the next run goes on from the wiki as it stands.' );
		}
	};
	const pages = new Map<number, PageSnapshot>();
	// The FAQ pages written so far are listed with the requests, for the FAQ candidates' links.
	const requestPages = await wiki.readAllRequests( start.highLimits, config.pages.faqPrefix );
	requestPages.forEach( ( page ) => pages.set( page.pageid, page ) );
	const faqPages = requestPages.listed || [];
	const history: Record<string, Revision[]> = {};
	const talkPages: Record<string, TalkPage> = {};
	const accounts: Record<string, boolean> = {};
	const talkUnavailable: string[] = [];
	let settingsHistory: Revision[] | undefined;
	const skipped: string[] = [];
	const tries: Record<string, number> = {};
	let edits = 0;
	let plan: Plan | null = null;
	// Who added each sign-off, as found so far: histories are read once a run.
	let known = state ? state.signOffs : [];
	for ( let round = 1; ; round++ ) {
		report.rounds = round;
		plan = planRun( {
			config: config, botName: botName, now: now, committeeText: start.committee, volunteersText: start.volunteers, known: known,
			pages: Array.from( pages.values() ), history: history, talkPages: talkPages,
			talkUnavailable: talkUnavailable, accounts: accounts, settingsPage: start.settings, settingsHistory: settingsHistory,
			refused: skipped, faqPages: faqPages,
		} );
		const wants = plan.wants;
		known = plan.state.signOffs;
		if ( wants.settingsHistory && start.settings ) {
			const latest = start.settings.revid;
			settingsHistory = await wiki.readHistory( config.pages.settings, ( read ) => settingsHistoryEnough( read, latest ) );
			continue;
		}
		for ( const want of wants.history ) {
			const keysOf = historyKeys( config.templates.signOff );
			const complete = ( revisions: Revision[] ): boolean => !historyNeedsMore( revisions, want.keys, keysOf );
			history[ want.title ] = await wiki.readHistory( want.title, complete );
		}
		Object.assign( accounts, await wiki.readAccounts( wants.accounts ) );
		( await wiki.readTalkPages( wants.talkPages ) ).forEach( ( talk ) => {
			talkPages[ talk.title ] = talk;
		} );
		const todo = plan.edits.filter( ( edit ) => !skipped.includes( edit.title ) );
		if ( wants.history.length + wants.accounts.length + wants.talkPages.length > 0 ) {
			continue;
		}
		if ( todo.length === 0 ) {
			break;
		}
		if ( round >= MAX_ROUNDS ) {
			throw new Unfinished( 'The plan still had ' + todo.length + ' edits after ' + round + ' rounds; the next run goes on.' );
		}
		const readBack: { pageids: number[]; talk: string[] } = { pageids: [], talk: [] };
		for ( const edit of todo ) {
			inTime();
			const talk = talkPages[ edit.title ];
			const page = edit.pageid ? pages.get( edit.pageid ) : undefined;
			const base = talk || { text: page ? page.text : '', revid: page ? page.revid : null, timestamp: page ? page.timestamp : '' };
			if ( options.dryRun ) {
				report.edits.push( { title: edit.title, kind: edit.kind, summary: edit.summary, result: 'dry-run', diff: dryRunDiff( edit.title, base.text, edit.text ) } );
				report.notices.push( ...edit.notices );
				if ( talk ) {
					talkPages[ edit.title ] = Object.assign( {}, talk, { text: edit.text, revid: ( talk.revid || 0 ) + 1 } );
				} else if ( page ) {
					pages.set( page.pageid, Object.assign( {}, page, { text: edit.text, revid: page.revid + 1, user: botName } ) );
				}
				continue;
			}
			if ( edits++ > 0 && options.editSpacingMs > 0 ) {
				await options.sleep( options.editSpacingMs );
			}
			if ( edit.pageid ) {
				readBack.pageids.push( edit.pageid );
			} else {
				// The request pages a talk page tells of are edited next: read them fresh too, not as they were at the start.
				readBack.talk.push( edit.title );
				readBack.pageids.push( ...( edit.requestPageids || [] ).filter( ( pageid ) => !readBack.pageids.includes( pageid ) ) );
			}
			try {
				const saved = await wiki.edit( edit, base );
				report.edits.push( { title: edit.title, kind: edit.kind, summary: edit.summary, result: saved.nochange ? 'nochange' : 'saved', revid: saved.revid } );
				report.notices.push( ...edit.notices );
				log( ( saved.nochange ? 'No change: ' : 'Saved: ' ) + edit.title + ' (' + edit.summary + ')' );
			} catch ( error ) {
				if ( !( error instanceof EditRefused ) ) {
					throw error;
				}
				log( error.message );
				tries[ edit.title ] = ( tries[ edit.title ] || 0 ) + 1;
				if ( error.outcome === 'read-again' && tries[ edit.title ] < MAX_TRIES ) {
					continue;
				}
				const result = error.outcome === 'gone' ? 'gone' : error.outcome === 'read-again' ? 'unsure' : 'failed';
				report.edits.push( { title: edit.title, kind: edit.kind, summary: edit.summary, result: result, error: error.message } );
				report.needsAttention.push( { page: edit.title, reason: error.outcome === 'gone' ? 'Deleted or moved during the run: left for the next run.' : error.message } );
				( edit.kind === 'talk' ? talkUnavailable : skipped ).push( edit.title );
			}
		}
		// What the wiki saved, not what was sent: merged, signed, conflicted or lost, every edited page is read again.
		const fresh = await wiki.readPages( [], readBack.pageids );
		readBack.pageids.forEach( ( pageid ) => pages.delete( pageid ) );
		fresh.pages.forEach( ( page ) => pages.set( page.pageid, page ) );
		( await wiki.readTalkPages( readBack.talk ) ).forEach( ( talk ) => {
			talkPages[ talk.title ] = talk;
		} );
	}
	report.requests = plan.records.length;
	report.needsAttention.push( ...plan.needsAttention );
	inTime();
	// The impact of outcomes: a failure of Commons or Wikidata is a problem of a request, never of the run.
	const impactConfig = config.impact;
	let sources: ImpactSources | undefined = options.impact;
	const impact = impactConfig || sources ? await updateImpact( wiki, () => {
		sources = sources || impactSources( impactConfig as NonNullable<typeof impactConfig> );
		return sources;
	}, {
		title: config.pages.impact, records: plan.records, pages: pages,
		kept: !!state && state.compiled.includes( config.pages.impact ), now: now, inTime: inTime,
	} ) : null;
	if ( impact ) {
		report.impact = { measured: impact.measured, apiRequests: sources ? sources.requests() : 0 };
		report.needsAttention.push( ...impact.attention );
		impact.attention.filter( ( item ) => /-failed$/.test( item.code || '' ) ).forEach( ( item ) => log( 'Impact of ' + item.page + ': ' + item.reason ) );
	}
	const compiled = impact && impact.page ? plan.compiled.concat( [ impact.page ] ) : plan.compiled;
	await saveCompiled( wiki, options, report, compiled, state, inTime );
	// After a failed edit the next run looks again, even if nothing else changes.
	const failed = report.edits.some( ( edit ) => edit.result === 'failed' || edit.result === 'unsure' );
	const next: BotState = Object.assign( {}, plan.state, { rcid: start.lastRcid }, failed ? { recheck: now } : {} );
	if ( impact && impact.page ) {
		next.compiled = next.compiled.concat( [ impact.page.title ] );
		// The next count of impact is a date a run must come back for, as a reminder is.
		if ( impact.nextCheck !== '' && ( next.recheck === '' || impact.nextCheck < next.recheck ) ) {
			next.recheck = impact.nextCheck;
		}
	}
	// A run that found no news (forced, or for a date that came) and changed nothing leaves the state as it is.
	if ( !state || !sameState( next, state ) || start.changed.length > 0 ) {
		await saveState( wiki, options, report, next, statePagesRead );
	}
}

export { dryRunDiff, RunStop };
