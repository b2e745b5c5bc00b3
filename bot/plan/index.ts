/**
 * The planner: from what the bot read (request pages, the committee page, its own
 * state from the previous run, the time) to what must be done (edits with their
 * notices, and the generated pages). No I/O, no clock, no randomness: planning the
 * wiki as it stands after a plan was carried out gives an empty plan.
 */
import { isClosed, WAITING_ON } from '../../shared/status';
import type { PlanConfig } from '../config';
import { parseCommittee, signOffProblem } from './committee';
import { languageFor, message } from './messages';
import { renderAgenda, renderExport, renderStatistics, renderTable, flagsOf } from './pages';
import {
	appendBlock, DerivedPage, deriveRecord, filingDue, nextChange, noticeBlock, owesSomething, pageLink, reminderDue, silentMarker,
	statusMarker, tallyLine, userLink, withParamFixes, withTally,
} from './request-page';
import type {
	Attention, Committee, CommitteeMember, MoreReading, Notice, Plan, PlanInput, PlannedEdit, RequestFacts, RequestRecord, TalkPage,
} from './types';
import { botsDenied, marker, normaliseUserName, readMarkers } from './wikitext';

export * from './types';

/** Whether `title` is a request subpage under the configured prefix. */
export function isRequestPage( config: PlanConfig, title: string ): boolean {
	const prefix = config.pages.requestsPrefix;
	return title.length > prefix.length && title.slice( 0, prefix.length ) === prefix;
}

interface TalkItem {
	about: 'filed' | 'reminder';
	record: RequestRecord;
	marker: object;
	days?: number;
}

interface Routing {
	/** Pinged on the request page. */
	mention: string[];
	/** Already told on their talk page (a marker is there). */
	toldOnTalk: string[];
	/** Not yet told on their talk page. */
	pendingTalk: string[];
	/** Talk pages not read yet. */
	unread: string[];
}

export function planRun( input: PlanInput ): Plan {
	const config = input.config;
	const committee = parseCommittee( input.committeeText, config.templates.committeeMember );
	const facts: Record<number, RequestFacts> = {};
	( input.previous ? input.previous.facts : [] ).forEach( ( entry ) => {
		facts[ entry.pageid ] = entry;
	} );
	const previous: Record<string, RequestRecord> = {};
	( input.previous ? input.previous.records : [] ).forEach( ( record ) => {
		previous[ record.page ] = record;
	} );
	const wants: MoreReading = { content: [], history: [], talkPages: [] };
	const derived: DerivedPage[] = input.pages.filter( ( page ) => isRequestPage( config, page.title ) ).map( ( page ) => {
		const result = deriveRecord( page, facts[ page.pageid ] || null, input.history[ page.title ], config, input.botName );
		if ( result.needsHistory !== undefined ) {
			wants.history.push( { title: page.title, fromRevid: result.needsHistory } );
		}
		return result;
	} );
	const read: Record<string, boolean> = {};
	derived.forEach( ( page ) => {
		read[ page.record.page ] = true;
	} );
	const records: RequestRecord[] = derived.map( ( page ) => page.record );
	if ( !input.fullScan ) {
		Object.keys( previous ).sort().forEach( ( title ) => {
			if ( read[ title ] || input.gone.includes( title ) ) {
				return;
			}
			const record = previous[ title ];
			records.push( record );
			if ( owesSomething( record, committee, config, input.now ) ) {
				wants.content.push( title );
			}
		} );
	}
	records.sort( ( a, b ) => a.page < b.page ? -1 : a.page > b.page ? 1 : 0 );

	let edits: PlannedEdit[] = [];
	if ( wants.content.length === 0 && wants.history.length === 0 ) {
		edits = planEdits( input, committee, derived, wants );
	}
	// The export, agenda and statistics first: what they could not show is listed on the table.
	const exported = renderExport( records, committee, config, input.now );
	const sizeNotes = exported.attention.slice();
	const agenda = renderAgenda( records, committee, config, input.now, sizeNotes );
	const statistics = renderStatistics( records, committee, config, sizeNotes );
	const table = renderTable( records, committee, config, input.now, sizeNotes );
	return {
		wants: wants,
		edits: wants.talkPages.length ? [] : edits,
		compiled: table.pages.concat( [ statistics, agenda ], exported.pages ),
		facts: records.map( factsOf ).sort( ( a, b ) => a.pageid - b.pageid ),
		recheck: recheckTime( records, committee, config, input.now ),
		needsAttention: needsAttention( records, committee, config ).concat( sizeNotes, table.attention ),
		records: records,
		committee: committee,
	};
}

function factsOf( record: RequestRecord ): RequestFacts {
	return {
		pageid: record.pageid, revid: record.revid, status: record.problem ? '' : record.status, statusSince: record.statusSince, signOffs: record.signOffs,
	};
}

/**
 * The first time after `now` at which, with no page edited, the compiled pages
 * or the notices owed change: a stage's threshold passed, a closed request due
 * for the archive, a member back from being away. '' when there is none.
 */
export function recheckTime( records: RequestRecord[], committee: Committee, config: PlanConfig, now: string ): string {
	const times = records.map( ( record ) => nextChange( record, config, now ) );
	committee.members.filter( ( member ) => member.awayUntil !== '' ).forEach( ( member ) => {
		// away_until is the last day away.
		times.push( new Date( Date.parse( member.awayUntil + 'T00:00:00Z' ) + 86400000 ).toISOString().replace( /\.\d{3}Z$/, 'Z' ) );
	} );
	return times.filter( ( time ) => time > now ).sort()[ 0 ] || '';
}

function planEdits( input: PlanInput, committee: Committee, derived: DerivedPage[], wants: MoreReading ): PlannedEdit[] {
	const config = input.config;
	const byName: Record<string, CommitteeMember> = {};
	committee.members.forEach( ( member ) => {
		byName[ member.name ] = member;
	} );
	const talkQueue: Record<string, TalkItem[]> = {};

	/** Split recipients by channel; talk members whose page cannot be used get a mention. */
	const route = ( people: string[], told: ( talk: TalkPage ) => boolean ): Routing => {
		const routing: Routing = { mention: [], toldOnTalk: [], pendingTalk: [], unread: [] };
		people.forEach( ( name ) => {
			const member = byName[ name ];
			const talkTitle = config.userTalkPrefix + name;
			if ( !member || member.notify !== 'talk' || input.talkUnavailable.includes( talkTitle ) ) {
				routing.mention.push( name );
				return;
			}
			const talk = input.talkPages[ talkTitle ];
			if ( !talk ) {
				routing.unread.push( talkTitle );
			} else if ( botsDenied( talk.text, input.botName ) ) {
				routing.mention.push( name );
			} else if ( told( talk ) ) {
				routing.toldOnTalk.push( name );
			} else {
				routing.pendingTalk.push( name );
			}
		} );
		return routing;
	};
	const talkMarkers = ( talk: TalkPage ): Record<string, unknown>[] => readMarkers( talk.text );

	interface PagePlan {
		page: DerivedPage;
		filed: Routing | null;
		filedOf: string[];
		reminder: ReturnType<typeof reminderDue>;
		reminderRouting: Routing | null;
		requester: boolean;
	}
	const pagePlans: PagePlan[] = [];
	for ( const page of derived ) {
		const record = page.record;
		if ( record.problem !== '' || record.botsDenied || !page.outcome ) {
			continue;
		}
		const filing = filingDue( record, committee, config, input.now );
		const reminder = reminderDue( record, committee, config, input.now );
		const filed = filing ? route( filing.to, ( talk ) => talkMarkers( talk ).some( ( entry ) => entry.notice === 'filed' && entry.request === record.page ) ) : null;
		const reminderRouting = reminder ? route( reminder.to, ( talk ) => talkMarkers( talk ).some( ( entry ) => entry.notice === 'reminder' &&
			entry.request === record.page && entry.stage === reminder.stage && entry.since === reminder.since && entry.at === reminder.at ) ) : null;
		[ filed, reminderRouting ].forEach( ( routing ) => {
			if ( routing ) {
				routing.unread.forEach( ( title ) => {
					if ( !wants.talkPages.includes( title ) ) {
						wants.talkPages.push( title );
					}
				} );
			}
		} );
		if ( filed ) {
			filed.pendingTalk.forEach( ( name ) => queue( talkQueue, config.userTalkPrefix + name, { about: 'filed', record: record, marker: { notice: 'filed', request: record.page } } ) );
		}
		if ( reminder && reminderRouting ) {
			reminderRouting.pendingTalk.forEach( ( name ) => queue( talkQueue, config.userTalkPrefix + name, {
				about: 'reminder',
				record: record,
				days: reminder.days,
				marker: { notice: 'reminder', request: record.page, stage: reminder.stage, since: reminder.since, at: reminder.at },
			} ) );
		}
		const requester = page.outcome.changed && record.requester !== '' &&
			normaliseUserName( page.snapshot.user ) !== record.requester && record.requester !== normaliseUserName( input.botName );
		pagePlans.push( { page: page, filed: filed, filedOf: filing ? filing.of : [], reminder: reminder, reminderRouting: reminderRouting, requester: requester } );
	}
	if ( wants.talkPages.length ) {
		return [];
	}
	const talkTitles = Object.keys( talkQueue ).sort();
	if ( talkTitles.length ) {
		// Talk pages first: the request page then records what its talk pages say.
		return talkTitles.map( ( title ) => talkEdit( input, byName[ title.slice( config.userTalkPrefix.length ) ], input.talkPages[ title ], talkQueue[ title ] ) );
	}
	const edits: PlannedEdit[] = [];
	pagePlans.forEach( ( pagePlan ) => edits.push( ...requestEdits( pagePlan ) ) );
	return edits;

	function requestEdits( pagePlan: PagePlan ): PlannedEdit[] {
		const { page, filed, reminder, reminderRouting } = pagePlan;
		const record = page.record;
		const outcome = page.outcome!;
		const base = page.snapshot;
		const paramsFixed = withParamFixes( page, config );
		const fixed = withTally( paramsFixed, config.templates.request, tallyLine( record, committee ) );
		const reasons: string[] = [];
		if ( paramsFixed !== base.text ) {
			reasons.push( 'set ' + Object.keys( outcome.fixes ).map( ( name ) => name + '=' + outcome.fixes[ name ] ).join( ', ' ) );
		}
		if ( fixed !== paramsFixed ) {
			reasons.push( 'update the sign-off tally' );
		}
		// Every mention, the requester first; an edit carries at most maxMentions of them.
		// The rest go out in the next edit, planned once this one is saved: its markers
		// say who is still owed the notice.
		type Mention = { about: 'filed' | 'reminder' | 'status'; name: string };
		const mentions: Mention[] = [];
		if ( pagePlan.requester ) {
			mentions.push( { about: 'status', name: record.requester } );
		}
		( filed ? filed.mention : [] ).forEach( ( name ) => mentions.push( { about: 'filed', name: name } ) );
		( reminderRouting ? reminderRouting.mention : [] ).forEach( ( name ) => mentions.push( { about: 'reminder', name: name } ) );
		const chunk = mentions.slice( 0, config.maxMentions );
		const pageEdits: PlannedEdit[] = [];
		let text = fixed;
		let statusRecorded = !outcome.changed;
		const sentences: string[] = [];
		const markers: object[] = [];
		const notices: Notice[] = [];
		const of = ( about: Mention[ 'about' ] ): string[] => chunk.filter( ( mention ) => mention.about === about ).map( ( mention ) => mention.name );
		const links = ( people: string[] ): string => people.map( ( name ) => userLink( config, name ) ).join( ', ' );
		if ( of( 'status' ).length ) {
			const language = record.language || 'en';
			sentences.push( message( language, 'requester-status', userLink( config, record.requester ), message( language, 'status-' + record.status ) ) );
			notices.push( { to: [ record.requester ], channel: 'mention', about: 'status', requests: [ record.page ] } );
		}
		if ( filed ) {
			const pinged = of( 'filed' );
			const talk = filed.toldOnTalk;
			if ( pinged.length ) {
				sentences.push( message( 'en', 'filed', links( pinged ) ) );
				notices.push( { to: pinged, channel: 'mention', about: 'filed', requests: [ record.page ] } );
			}
			if ( talk.length ) {
				sentences.push( message( 'en', 'filed-talk', talk.join( ', ' ), talk.length ) );
			}
			if ( pinged.length || talk.length ) {
				markers.push( { notice: 'filed', to: pinged.concat( talk ), of: pagePlan.filedOf } );
			}
		}
		if ( reminder && reminderRouting ) {
			const pinged = of( 'reminder' );
			const talk = reminderRouting.toldOnTalk;
			const stage = message( 'en', 'stage-' + reminder.stage );
			if ( pinged.length ) {
				const key = WAITING_ON[ record.status ] === 'committee' ? 'reminder-committee' : 'reminder-contacts';
				sentences.push( message( 'en', key, links( pinged ), reminder.days, stage ) );
				notices.push( { to: pinged, channel: 'mention', about: 'reminder', requests: [ record.page ] } );
			}
			if ( talk.length ) {
				sentences.push( message( 'en', 'reminder-talk', talk.join( ', ' ), talk.length ) );
			}
			if ( pinged.length || talk.length ) {
				markers.push( { notice: 'reminder', stage: reminder.stage, since: reminder.since, at: reminder.at, to: pinged.concat( talk ), of: reminder.of } );
			}
		}
		if ( sentences.length ) {
			if ( !statusRecorded ) {
				markers.unshift( statusMarker( record.status, record.statusSince ) );
				statusRecorded = true;
			}
			text = appendBlock( text, noticeBlock( sentences, markers ) );
			notices.forEach( ( notice ) => reasons.push( notice.about === 'status' ? 'tell the requester of the new status' :
				notice.about === 'filed' ? 'notify the committee of a new request' : 'remind of a request waiting ' + ( reminder ? reminder.days : 0 ) + ' days' ) );
			pageEdits.push( requestEdit( record, base, text, reasons, notices, chunk.length ) );
		}
		if ( pageEdits.length === 0 && text !== base.text ) {
			if ( !statusRecorded ) {
				text = appendBlock( text, silentMarker( record.status, record.statusSince ) );
				reasons.push( 'record the new status' );
			}
			pageEdits.push( requestEdit( record, base, text, reasons, [], 0 ) );
		}
		return pageEdits;
	}

	function requestEdit(
		record: RequestRecord, base: { revid: number; timestamp: string }, text: string,
		reasons: string[], notices: Notice[], mentions: number,
	): PlannedEdit {
		return {
			title: record.page,
			kind: 'request',
			text: text,
			summary: 'Helpdesk bot: ' + ( reasons.length ? reasons.join( '; ' ) : 'update' ),
			baseRevid: base.revid,
			baseTimestamp: base.timestamp,
			reasons: reasons,
			notices: notices,
			mentions: mentions,
		};
	}
}

function queue( talkQueue: Record<string, TalkItem[]>, title: string, item: TalkItem ): void {
	( talkQueue[ title ] = talkQueue[ title ] || [] ).push( item );
}

/** One new section on a member's talk page listing every request for them in this run. */
function talkEdit( input: PlanInput, member: CommitteeMember, talk: TalkPage, items: TalkItem[] ): PlannedEdit {
	const config = input.config;
	const language = languageFor( member.languages, 'talk-heading' );
	const lines = items.map( ( item ) => {
		const link = pageLink( item.record.page, item.record.title || item.record.page );
		const line = item.about === 'filed' ? message( language, 'talk-filed', link ) :
			message( language, 'talk-reminder', link, item.days || 0, message( language, 'stage-' + item.record.status ) );
		return '* ' + line + marker( item.marker );
	} );
	const section = '== ' + message( language, 'talk-heading', items.length ) + ' ==\n' + lines.join( '\n' ) + '\n\n' +
		message( language, 'talk-footer', '[[' + config.pages.committee + ']]' ) + ' ~~~~';
	const text = talk.text.trim() === '' ? section : appendBlock( talk.text, '\n\n' + section );
	return {
		title: talk.title,
		kind: 'talk',
		text: text,
		summary: 'Helpdesk bot: ' + items.length + ( items.length === 1 ? ' request' : ' requests' ) + ' for the Expert Committee',
		baseRevid: talk.revid,
		baseTimestamp: talk.timestamp,
		reasons: items.map( ( item ) => item.about + ': ' + item.record.page ),
		notices: [ {
			to: [ member.name ],
			channel: 'talk',
			about: items.every( ( item ) => item.about === 'filed' ) ? 'filed' : 'reminder',
			requests: items.map( ( item ) => item.record.page ),
		} ],
		mentions: 0,
	};
}

/** Requests a person should look at, with the reason, for the table and the report. */
export function needsAttention( records: RequestRecord[], committee: Committee, config: PlanConfig ): Attention[] {
	const list: Attention[] = [];
	committee.problems.forEach( ( problem ) => list.push( { page: config.pages.committee, reason: problem } ) );
	records.forEach( ( record ) => {
		if ( record.problem ) {
			list.push( { page: record.page, reason: record.problem } );
			return;
		}
		if ( record.botsDenied ) {
			list.push( { page: record.page, reason: 'The page shuts the bot out ({{nobots}} or {{bots}}): no notices or status updates.' } );
		}
		record.attention.forEach( ( reason ) => list.push( { page: record.page, reason: reason } ) );
		record.signOffs.forEach( ( signOff ) => {
			const problem = signOffProblem( signOff, committee );
			if ( problem ) {
				list.push( { page: record.page, reason: problem } );
			}
		} );
	} );
	return list;
}

export { flagsOf, isClosed };
