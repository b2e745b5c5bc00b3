/**
 * One run of the bot: read what changed, plan, carry the plan out edit by edit,
 * then save the compiled pages and the export (which holds the state for the next
 * run). Planning again after each batch of edits is what makes a run converge and
 * a crashed run safe to repeat: every decision is taken on the wiki as it stands.
 */
import { isDeepStrictEqual } from 'node:util';
import { createTwoFilesPatch } from 'diff';
import type { PlanConfig } from './config';
import { parseCommittee } from './plan/committee';
import { isRequestPage, planRun } from './plan/index';
import { exportText } from './plan/pages';
import type {
	Attention, ExportData, GeneratedPage, Notice, PageHistory, PageSnapshot, Plan, PlannedEdit, TalkPage,
} from './plan/types';
import { normaliseUserName } from './plan/wikitext';
import { EditRefused, HelpdeskWiki, RunStop } from './wiki';

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

/** The export read back; null if absent or not ours. */
export function readExport( text: string | null | undefined ): ExportData | null {
	if ( !text ) {
		return null;
	}
	try {
		const data = JSON.parse( text );
		if ( data && data.schema === 1 && Array.isArray( data.requests ) && data.bot && typeof data.bot === 'object' ) {
			data.bot.generated = data.bot.generated || {};
			return data as ExportData;
		}
	} catch {
		// Someone broke the JSON: start afresh with a full scan.
	}
	return null;
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

async function carryOut( wiki: HelpdeskWiki, options: RunOptions, config: PlanConfig, now: string, report: RunReport, log: ( line: string ) => void ): Promise<void> {
	const start = await wiki.readStart( 600 );
	const botName = normaliseUserName( start.userName );
	wiki.botName = botName;
	const shutoff = shutoffState( start.shutoff, config.pages.shutoff );
	if ( !shutoff.run ) {
		report.stopped = { code: 'shutoff', message: shutoff.reason };
		log( shutoff.reason );
		return;
	}
	const previous = readExport( start.exportPage && start.exportPage.text );
	const committee = parseCommittee( start.committee, config.templates.committeeMember );
	wiki.allowTalkPages( committee.members.filter( ( member ) => member.notify === 'talk' ).map( ( member ) => config.userTalkPrefix + member.name ) );

	const fullScan = !!options.forceFullScan || !previous || previous.bot.lastFullScan === '' || start.coveredSince === '' ||
		Date.parse( now ) - Date.parse( previous.bot.lastFullScan ) >= options.fullScanHours * 3600000;
	report.fullScan = fullScan;
	const view = new Map<string, PageSnapshot>();
	const gone: string[] = [];
	if ( fullScan ) {
		( await wiki.readAllRequests() ).forEach( ( page ) => view.set( page.title, page ) );
	} else {
		const known: Record<string, number> = {};
		previous!.requests.forEach( ( record ) => {
			known[ record.page ] = record.revid;
		} );
		const changed: string[] = [];
		const add = ( title: string | undefined ): void => {
			if ( title && isRequestPage( config, title ) && !changed.includes( title ) ) {
				changed.push( title );
			}
		};
		start.changes.forEach( ( change ) => {
			if ( change.type === 'log' ) {
				add( change.title );
				add( change.target );
			} else if ( !( change.title in known ) || change.revid > known[ change.title ] ) {
				add( change.title );
			}
		} );
		if ( changed.length ) {
			const { pages, missing } = await wiki.readPages( changed.sort() );
			pages.forEach( ( page ) => view.set( page.title, page ) );
			gone.push( ...missing );
		}
	}

	const generatedTitles = [ config.pages.table, config.pages.statistics, config.pages.agenda ];
	const stored = previous ? previous.bot.generated : {};
	const touchedByOthers = start.changes.some( ( change ) => generatedTitles.includes( change.title ) &&
		( !stored[ change.title ] || change.revid > stored[ change.title ].revid ) );
	const generatedNow: Record<string, { revid: number; sha1: string } | null> = {};
	if ( fullScan || touchedByOthers || generatedTitles.some( ( title ) => !stored[ title ] ) ) {
		Object.assign( generatedNow, await wiki.readGeneratedInfo( generatedTitles ) );
	} else {
		generatedTitles.forEach( ( title ) => {
			generatedNow[ title ] = stored[ title ];
		} );
	}

	const history: Record<string, PageHistory> = {};
	const talkPages: Record<string, TalkPage> = {};
	const talkUnavailable: string[] = [];
	const skipped: string[] = [];
	// Pages saved with a signature: the wiki's text differs from ours until read again.
	const stale: string[] = [];
	const conflicts: Record<string, number> = {};
	let plan: Plan | null = null;
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
			previous: previous,
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
			break;
		}
		for ( const edit of edits ) {
			if ( stale.includes( edit.title ) ) {
				stale.splice( stale.indexOf( edit.title ), 1 );
				if ( edit.kind === 'talk' ) {
					( await wiki.readTalkPages( [ edit.title ] ) ).forEach( ( fresh ) => {
						talkPages[ fresh.title ] = fresh;
					} );
				} else {
					( await wiki.readPages( [ edit.title ] ) ).pages.forEach( ( fresh ) => view.set( fresh.title, fresh ) );
				}
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
						if ( edit.kind === 'talk' ) {
							( await wiki.readTalkPages( [ edit.title ] ) ).forEach( ( fresh ) => {
								talkPages[ fresh.title ] = fresh;
							} );
						} else {
							( await wiki.readPages( [ edit.title ] ) ).pages.forEach( ( fresh ) => view.set( fresh.title, fresh ) );
						}
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

	// The compiled pages, each only if its text really changed.
	const generated: Record<string, { revid: number; sha1: string }> = {};
	for ( const page of [ plan.table, plan.statistics, plan.agenda ] ) {
		const current = generatedNow[ page.title ];
		if ( current && current.sha1 === page.sha1 ) {
			generated[ page.title ] = { revid: current.revid, sha1: current.sha1 };
			continue;
		}
		const saved = await saveGenerated( wiki, options, report, page, current ? current.revid : null, spacing );
		if ( saved ) {
			generated[ page.title ] = saved;
		}
	}
	const data: ExportData = Object.assign( {}, plan.exportData, { bot: Object.assign( {}, plan.exportData.bot, { generated: generated } ) } );
	if ( !previous || !isDeepStrictEqual( JSON.parse( exportText( data ) ), JSON.parse( exportText( previous ) ) ) ) {
		const exportPage = start.exportPage;
		const edit: PlannedEdit = {
			title: config.pages.export,
			kind: 'export',
			text: exportText( data ),
			summary: 'Helpdesk bot: ' + data.requests.length + ' requests' + ( report.fullScan ? ' (full scan)' : '' ),
			baseRevid: exportPage ? exportPage.revid : null,
			baseTimestamp: exportPage ? exportPage.timestamp : '',
			reasons: [ 'the export changed' ],
			notices: [],
			mentions: 0,
			contentModel: 'json',
		};
		await saveEdit( wiki, options, report, edit, { text: exportPage ? exportPage.text : '', revid: edit.baseRevid, timestamp: edit.baseTimestamp }, spacing );
	}
}

async function saveGenerated(
	wiki: HelpdeskWiki, options: RunOptions, report: RunReport, page: GeneratedPage, revid: number | null, spacing: () => Promise<void>,
): Promise<{ revid: number; sha1: string } | null> {
	const edit: PlannedEdit = {
		title: page.title,
		kind: 'generated',
		text: page.text,
		summary: 'Helpdesk bot: update from the request pages',
		baseRevid: revid,
		baseTimestamp: '',
		reasons: [ 'the content changed' ],
		notices: [],
		mentions: 0,
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
