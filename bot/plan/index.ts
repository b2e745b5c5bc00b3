/**
 * The planner: from what the bot read (every request page, the committee page,
 * who added the sign-offs known from earlier runs, talk pages and accounts, the
 * time) to the whole plan: what more to read, the edits with their notices, the
 * compiled pages and the next state. No I/O, no clock, no randomness: planning the
 * wiki as it stands after a plan was carried out gives no edit.
 */
import { nextMeeting } from '../../shared/settings';
import { isClosed, WAITING_ON } from '../../shared/status';
import { escapeText } from '../../shared/escape';
import { addDays, isRedirect, redirectTarget, shortened } from '../../shared/wikitext';
import type { PlanConfig } from '../config';
import { parseCommittee } from './committee';
import { languageFor, message } from './messages';
import {
	Due, filingDue, nextChange, Recipients, remindedOf, reminderDue, signOffDues, statusDue, statusHolds, tellable, unprovenDue,
	verdictDue,
} from './notices';
import { checkProcess } from './process';
import { settingsInForce, SettingsInForce, settingsKey } from './settings-in-force';
import { settingsTalkTitle } from './names';
import { COMPILED_PAGES_LAYOUT, flagsOf, recordAttention, renderAgenda, renderExport, renderRouting, renderStatistics } from './pages';
import {
	appendBlock, decisionReasons, DerivedPage, deriveRecord, noticeBlock, pageLink, silentMarkers, statusKey, tallyLine, userLink,
	withParamFixes, withSignOffMarks, withTally,
} from './request-page';
import { faqRequests, renderFaqCandidates } from './faq';
import { routingHints, routingRequest } from './routing';
import { sha1 } from './sha1';
import type {
	Attention, BotState, Committee, CommitteeMember, MoreReading, Notice, Plan, PlanInput, PlannedEdit, RequestRecord, SignOffAuthors,
	TalkPage,
} from './types';
import { parseVolunteers, Volunteers } from './volunteers';
import { botsDenied, marker, normaliseUserName, readMarkers } from './wikitext';

export * from './types';

/** Whether `title` is a request subpage under the configured prefix. */
export function isRequestPage( config: PlanConfig, title: string ): boolean {
	const prefix = config.pages.requestsPrefix;
	return title.length > prefix.length && title.slice( 0, prefix.length ) === prefix;
}

/**
 * What the compiled pages are made from besides the requests (the committee,
 * settings and volunteers' pages, the operator's configuration, the bot): a change
 * means compiling again. The settings in force come from the settings page, so
 * they are left out.
 */
export function basisOf(
	committeeText: string | null, settingsText: string | null, config: PlanConfig, botName: string, volunteersText: string | null = null,
): string {
	const operator = Object.assign( {}, config, { process: null } );
	return sha1( JSON.stringify( [ committeeText, settingsText, operator, botName, COMPILED_PAGES_LAYOUT, volunteersText ] ) );
}

function isAgendaData( config: PlanConfig, title: string ): boolean {
	return title.indexOf( config.pages.agendaPrefix ) === 0;
}

/** The settings' problems, on the request table's list. */
function settingsAttention( config: PlanConfig, inForce: SettingsInForce ): Attention[] {
	const inForceText = inForce.revid ? 'the settings of revision ' + inForce.revid + ' stay in force.' : 'the built-in defaults are in force.';
	return inForce.problems.map( ( problem ) => ( {
		page: config.pages.settings, code: problem.code, params: problem.params.concat( [ String( inForce.revid ) ] ),
		reason: problem.code === 'settings-invalid' ? shortened( 'Revision ' + inForce.latest + ' is not valid (' + problem.text + '): ' + inForceText, 400 ) :
			problem.text,
	} ) );
}

/** A due notice split by how each person still owed it is reached. */
interface Routed {
	due: Due;
	record: RequestRecord;
	mention: string[];
	/** Told on their talk page already; to be recorded on the request page. */
	toldOnTalk: string[];
	pendingTalk: string[];
	/** Meant for them, but they have no account (a notice first sent now). */
	none: string[];
}

/** The settings in force for this run: the page's, or as the configuration has them when no page was read (tests). */
function settingsOf( input: PlanInput ): SettingsInForce {
	if ( input.settingsPage === undefined ) {
		return { settings: input.config.process, revid: 0, latest: 0, problems: [], needsHistory: false };
	}
	return settingsInForce( input.settingsPage, input.settingsHistory );
}

export function planRun( planInput: PlanInput ): Plan {
	const inForce = settingsOf( planInput );
	const config: PlanConfig = Object.assign( {}, planInput.config, { process: inForce.settings } );
	const input: PlanInput = Object.assign( {}, planInput, { config: config } );
	const bot = normaliseUserName( input.botName );
	const committee = parseCommittee( input.committeeText, config.templates.committeeMember );
	const volunteersText = input.volunteersText === undefined ? null : input.volunteersText;
	const volunteers = parseVolunteers( volunteersText, config.templates.volunteer, config.process );
	const wants: MoreReading = { history: [], talkPages: [], accounts: [], settingsHistory: inForce.needsHistory };
	const recipients: Recipients = { bot: bot, accounts: input.accounts };
	const lookUp = ( names: string[] ): void => names.forEach( ( name ) => {
		if ( !( name in input.accounts ) && !wants.accounts.includes( name ) ) {
			wants.accounts.push( name );
		}
	} );
	const people = committee.members.map( ( member ) => member.name ).concat( config.process.helpdesk,
		...config.process.workingGroups.map( ( group ) => group.contacts ) );
	lookUp( tellable( people, bot ) );
	committee.members.filter( ( member ) => input.accounts[ member.name ] === false ).forEach( ( member ) => {
		committee.problems.push( member.name + ' has no account on this wiki: never notified.' );
	} );

	const moves: Attention[] = [];
	const derived: DerivedPage[] = [];
	const known: Record<number, SignOffAuthors> = {};
	input.known.forEach( ( entry ) => {
		known[ entry.pageid ] = entry;
	} );
	const titles = input.pages.filter( ( page ) => !page.redirect && !isRedirect( page.text ) ).map( ( page ) => page.title );
	for ( const page of input.pages.filter( ( candidate ) => isRequestPage( config, candidate.title ) ) ) {
		if ( page.redirect || isRedirect( page.text ) ) {
			// A move within the requests leaves a redirect to a page read in its own right.
			const target = redirectTarget( page.text );
			if ( target === null || !titles.includes( target ) ) {
				moves.push( { page: page.title, reason: 'A redirect to ' + ( target === null ? 'no page' : '"' + shortened( target, 200 ) + '"' ) +
					', not to a request page: nothing there is tracked.' } );
			}
			continue;
		}
		const authors = known[ page.pageid ];
		const derivedPage = deriveRecord( page, authors ? authors.signOffs : [], input.history[ page.title ], config, bot, input.now,
			authors && authors.verdicts || [] );
		if ( derivedPage.needsHistory.length ) {
			wants.history.push( { title: page.title, keys: derivedPage.needsHistory } );
		}
		derived.push( derivedPage );
	}
	derived.sort( ( a, b ) => a.record.page < b.record.page ? -1 : a.record.page > b.record.page ? 1 : 0 );
	const records = derived.map( ( page ) => page.record );
	records.forEach( ( record ) => {
		const check = checkProcess( record, committee, config.process );
		record.proven = check.proven;
		record.processProblems = check.problems;
	} );

	let edits: PlannedEdit[] = [];
	if ( wants.history.length === 0 && wants.accounts.length === 0 && !wants.settingsHistory ) {
		// Edits the wiki refused in this run wait for the next run: the rest of the plan goes ahead without them.
		const refused = input.refused || [];
		edits = planEdits( input, committee, derived, recipients, wants ).filter( ( edit ) => !refused.includes( edit.title ) );
		if ( edits.length === 0 && wants.talkPages.length === 0 ) {
			edits = settingsNotice( input, inForce, recipients, wants );
		}
	}
	const final = edits.length === 0 && !wants.settingsHistory &&
		wants.history.length + wants.talkPages.length + wants.accounts.length === 0;
	const attention = needsAttention( records, committee, config, input.now ).concat( moves, settingsAttention( config, inForce ),
		volunteers.problems.map( ( problem ) => ( { page: config.pages.volunteers, code: 'volunteers', params: [], reason: problem } ) ) );
	// The agenda and statistics first: what the size limit kept off them is listed with the requests.
	const compiled: Plan[ 'compiled' ] = [];
	if ( final ) {
		const sizeNotes: Attention[] = [];
		// Hints for the requests awaiting the committee, the longest waiting first.
		const waitingSince = ( record: RequestRecord ): string => record.statusSince || record.filed;
		const longestWaiting = records.slice().sort( ( a, b ) => waitingSince( a ) < waitingSince( b ) ? -1 :
			waitingSince( a ) > waitingSince( b ) ? 1 : a.page < b.page ? -1 : 1 );
		const hints = routingHints( longestWaiting.map( routingRequest ), volunteers, committee, config.process, input.now );
		const agenda = renderAgenda( records, committee, config, input.now, sizeNotes, hints );
		const routing = renderRouting( hints, config, sizeNotes );
		const statistics = renderStatistics( records, committee, config );
		const exported = renderExport( records, committee, config, input.now, attention.concat( sizeNotes ),
			{ revid: inForce.revid, valid: inForce.problems.length === 0 } );
		const faqOptions = { page: config.pages.faqCandidates, view: config.pages.faqCandidates.replace( /\.json$/, '' ), faqPrefix: config.pages.faqPrefix };
		const faq = renderFaqCandidates( faqRequests( input.pages, records ), input.faqPages || [], faqOptions,
			{ maxBytes: config.maxPageBytes, notes: sizeNotes } );
		compiled.push( statistics, ...agenda, routing, ...faq, ...exported.pages );
		attention.push( ...sizeNotes, ...exported.attention );
	}
	const state: BotState = {
		saved: input.now,
		rcid: 0,
		recheck: recheckTime( records, committee, config, input.now, volunteers ),
		basis: basisOf( input.committeeText, input.settingsPage ? input.settingsPage.text : null, config, input.botName, volunteersText ),
		// Views are made once and past agendas stay: only the data pages the bot keeps up to date.
		compiled: compiled.filter( ( page ) => !page.createOnly && !isAgendaData( config, page.title ) ).map( ( page ) => page.title ),
		signOffs: records.map( authorsOf ).filter( ( entry ) => entry.signOffs.length > 0 || entry.verdicts !== undefined ),
	};
	return {
		wants: wants, edits: edits, compiled: compiled, state: state, needsAttention: attention, records: records, committee: committee,
	};
}

/** Who added the sign-offs and verdicts of a request, as far as known: for the state. */
function authorsOf( record: RequestRecord ): SignOffAuthors {
	const entry: SignOffAuthors = { pageid: record.pageid, signOffs: record.signOffs.filter( ( signOff ) => signOff.author !== '' ) };
	const verdicts = record.verdicts.filter( ( verdict ) => verdict.author !== '' );
	if ( verdicts.length ) {
		entry.verdicts = verdicts.map( ( verdict ) => ( {
			key: verdict.key, user: verdict.user, author: verdict.author, revid: verdict.revid, timestamp: verdict.timestamp,
		} ) );
	}
	return entry;
}

/**
 * The first time after `now` at which, with no page edited, the compiled pages
 * or the notices owed change: a reminder round begins, a closed request is due
 * for the archive, a member comes back. '' when there is none.
 */
export function recheckTime(
	records: RequestRecord[], committee: Committee, config: PlanConfig, now: string, volunteers: Volunteers = { people: [], problems: [] },
): string {
	const times = records.map( ( record ) => nextChange( record, config, now ) );
	// The agenda moves on the day after each meeting.
	config.process.meetings.filter( ( day ) => day >= now.slice( 0, 10 ) ).forEach( ( day ) => times.push( addDays( day + 'T00:00:00Z', 1 ) ) );
	committee.members.filter( ( member ) => member.awayUntil !== '' ).forEach( ( member ) => {
		// away_until is the last day away.
		times.push( addDays( member.awayUntil + 'T00:00:00Z', 1 ) );
	} );
	// The hints change the day after a volunteer's last day.
	volunteers.people.filter( ( person ) => person.until !== '' ).forEach( ( person ) => {
		times.push( addDays( person.until + 'T00:00:00Z', 1 ) );
	} );
	return times.filter( ( time ) => time > now ).sort()[ 0 ] || '';
}

/** Keys of notices a talk page's markers record, as `PAGEID KEY` (and `TITLE KEY` for older markers). */
function talkKeys( talk: TalkPage, config: PlanConfig ): string[] {
	return readMarkers( talk.text ).map( ( entry ) => {
		if ( typeof entry.k === 'string' && typeof entry.page === 'number' ) {
			return entry.page + ' ' + entry.k;
		}
		return entry.notice === 'filed' && typeof entry.request === 'string' && entry.request.indexOf( config.pages.requestsPrefix ) === 0 ?
			entry.request + ' filed' : '';
	} ).filter( ( key ) => key !== '' );
}

function planEdits(
	input: PlanInput, committee: Committee, derived: DerivedPage[], recipients: Recipients, wants: MoreReading,
): PlannedEdit[] {
	const config = input.config;
	const byName: Record<string, CommitteeMember> = {};
	committee.members.forEach( ( member ) => {
		byName[ member.name ] = member;
	} );
	const route = ( due: Due, record: RequestRecord ): Routed => {
		const routed: Routed = { due: due, record: record, mention: [], toldOnTalk: [], pendingTalk: [], none: [] };
		let pending = due.pending;
		if ( !due.entry ) {
			const unknown = pending.filter( ( name ) => !( name in recipients.accounts ) );
			unknown.forEach( ( name ) => wants.accounts.includes( name ) || wants.accounts.push( name ) );
			routed.none = pending.filter( ( name ) => recipients.accounts[ name ] === false );
			pending = pending.filter( ( name ) => recipients.accounts[ name ] === true );
			due.of = due.of.filter( ( name ) => recipients.accounts[ name ] === true );
		}
		pending.forEach( ( name ) => {
			const member = byName[ name ];
			const title = config.userTalkPrefix + name;
			if ( ( due.about !== 'filed' && due.about !== 'reminder' ) || !member || member.notify !== 'talk' || input.talkUnavailable.includes( title ) ) {
				routed.mention.push( name );
				return;
			}
			const talk = input.talkPages[ title ];
			if ( !talk ) {
				if ( !wants.talkPages.includes( title ) ) {
					wants.talkPages.push( title );
				}
			} else if ( botsDenied( talk.text, input.botName ) ) {
				routed.mention.push( name );
			} else if ( talkKeys( talk, config ).some( ( key ) => key === record.pageid + ' ' + due.key || ( due.key === 'filed' && key === record.page + ' filed' ) ) ) {
				routed.toldOnTalk.push( name );
			} else {
				routed.pendingTalk.push( name );
			}
		} );
		return routed;
	};

	const pagePlans: { page: DerivedPage; routed: Routed[] }[] = [];
	for ( const page of derived ) {
		const record = page.record;
		if ( record.problem !== '' || record.botsDenied || !page.outcome ) {
			continue;
		}
		const dues = [
			statusDue( record, page.outcome.changed, page.snapshot, recipients.bot ),
			filingDue( record, committee, config, input.now, recipients.bot ),
			reminderDue( record, committee, config, input.now, recipients.bot ),
			unprovenDue( record, config, recipients.bot ),
			...signOffDues( record, committee, recipients.bot ),
			verdictDue( record, input.now, recipients.bot ),
		].filter( ( due ): due is Due => due !== null );
		pagePlans.push( { page: page, routed: dues.map( ( due ) => route( due, record ) ) } );
	}
	if ( wants.talkPages.length || wants.accounts.length ) {
		return [];
	}
	// Talk pages first: the request page then records what its talk pages say.
	const talkQueue: Record<string, Routed[]> = {};
	pagePlans.forEach( ( plan ) => plan.routed.forEach( ( routed ) => routed.pendingTalk.forEach( ( name ) => {
		const title = config.userTalkPrefix + name;
		( talkQueue[ title ] = talkQueue[ title ] || [] ).push( routed );
	} ) ) );
	const talkTitles = Object.keys( talkQueue ).sort();
	if ( talkTitles.length ) {
		return talkTitles.map( ( title ) => talkEdit(
			input, byName[ title.slice( config.userTalkPrefix.length ) ], input.talkPages[ title ], talkQueue[ title ],
		) );
	}
	const edits: PlannedEdit[] = [];
	pagePlans.forEach( ( plan ) => {
		const edit = requestEdit( input, committee, plan.page, plan.routed );
		if ( edit ) {
			edits.push( edit );
		}
	} );
	return edits;
}

/** The edit a request page needs: its parameters, its tally, and the notices it owes (at most maxMentions mentions). */
function requestEdit( input: PlanInput, committee: Committee, page: DerivedPage, routed: Routed[] ): PlannedEdit | null {
	const config = input.config;
	const record = page.record;
	const outcome = page.outcome!;
	const base = page.snapshot;
	const paramsFixed = withParamFixes( page, config );
	const tallied = withTally( paramsFixed, config.templates.request, tallyLine( record, committee ) );
	const fixed = withSignOffMarks( tallied, config.templates.signOff, record, committee );
	const reasons: string[] = [];
	if ( paramsFixed !== base.text ) {
		reasons.push( 'set ' + Object.keys( outcome.fixes ).map( ( name ) => name + '=' + outcome.fixes[ name ] ).join( ', ' ) );
	}
	if ( tallied !== paramsFixed ) {
		reasons.push( 'update the sign-off tally' );
	}
	if ( fixed !== tallied ) {
		reasons.push( 'mark the sign-offs that do not count' );
	}
	// Every mention, the requester's first; the rest go out in the next edit, once this one is read back.
	let room = config.maxMentions;
	const sentences: string[] = [];
	const markers: object[] = [];
	const notices: Notice[] = [];
	const links = ( people: string[] ): string => people.map( ( name ) => userLink( config, name ) ).join( ', ' );
	const statusRecorded = record.notices.some( ( notice ) => notice.key === statusKey( record.status, record.statusSince ) );
	for ( const item of routed ) {
		const due = item.due;
		const pinged = item.mention.slice( 0, room );
		room -= pinged.length;
		const talk = item.toldOnTalk.filter( ( name ) => !( due.entry && due.entry.talk.includes( name ) ) );
		if ( pinged.length === 0 && talk.length === 0 && ( due.entry || item.none.length === 0 ) ) {
			continue;
		}
		const entry: Record<string, unknown> = { k: due.key };
		if ( due.about === 'status' ) {
			Object.assign( entry, { status: record.status, since: record.statusSince } );
		}
		Object.assign( entry, due.entry ? {} : { of: due.of }, { to: pinged },
			talk.length ? { talk: talk } : {}, item.none.length ? { none: item.none } : {} );
		markers.push( entry );
		if ( due.about === 'status' && pinged.length ) {
			sentences.push( statusNotice( input, committee, page, links( pinged ) ) );
			reasons.push( 'tell the requester of the new status' );
		} else if ( due.about === 'filed' ) {
			if ( pinged.length ) {
				sentences.push( message( 'en', 'filed', links( pinged ) ) );
				reasons.push( 'notify the committee of a new request' );
			}
			if ( talk.length ) {
				sentences.push( message( 'en', 'filed-talk', plainNames( talk ), talk.length ) );
			}
		} else if ( due.about === 'reminder' ) {
			if ( pinged.length && WAITING_ON[ record.status ] === 'requester' ) {
				sentences.push( message( record.language || 'en', 'reminder-requester', links( pinged ), due.days || 0 ) );
				reasons.push( 'remind the requester of a request on hold for ' + ( due.days || 0 ) + ' days' );
			} else if ( pinged.length ) {
				const key = WAITING_ON[ record.status ] === 'committee' ? 'reminder-committee' : 'reminder-contacts';
				sentences.push( message( 'en', key, links( pinged ), due.days || 0, message( 'en', 'stage-' + record.status ) ) );
				reasons.push( 'remind of a request waiting ' + ( due.days || 0 ) + ' days' );
			}
			if ( talk.length ) {
				sentences.push( message( 'en', 'reminder-talk', plainNames( talk ), talk.length ) );
			}
		} else if ( due.about === 'unproven' && pinged.length ) {
			const problem = record.processProblems.find( ( candidate ) => candidate.code === 'unproven-status' );
			sentences.push( message( 'en', 'unproven', links( pinged ), message( 'en', 'status-' + record.status ),
				escapeText( problem ? problem.text.replace( / Counted as .*$/, '' ) : '', false ), message( 'en', 'status-' + record.proven ) ) );
			reasons.push( 'tell the helpdesk staff that the status does not hold' );
		} else if ( due.about === 'verdict' && pinged.length ) {
			sentences.push( message( record.language || 'en', 'verdict-ask', links( pinged ) ) );
			reasons.push( 'ask the requester for their verdict' );
		} else if ( due.about === 'sign-off' && pinged.length && due.signOff ) {
			const member = committee.members.find( ( candidate ) => candidate.name === due.signOff!.member );
			const language = member ? languageFor( member.languages, 'signoff-not-counted' ) : 'en';
			sentences.push( message( language, 'signoff-not-counted', links( pinged ), message( language, 'kind-' + due.signOff.kind ),
				escapeText( due.signOff.author, false ) ) );
			reasons.push( 'tell a member of a sign-off in their name that does not count' );
		}
		if ( pinged.length ) {
			notices.push( { to: pinged, channel: 'mention', about: due.about, requests: [ record.page ] } );
		}
	}
	const statusMarker = statusKey( record.status, record.statusSince );
	// A status is recorded once it holds: the requester hears of it then, not before.
	if ( statusHolds( record ) && !statusRecorded && !markers.some( ( entry ) => ( entry as { k: string } ).k === statusMarker ) ) {
		markers.unshift( { k: statusKey( record.status, record.statusSince ), status: record.status, since: record.statusSince } );
		reasons.push( 'record the status' );
	}
	let text = fixed;
	if ( sentences.length ) {
		text = appendBlock( text, noticeBlock( sentences.map( ( sentence ) => sentence.replace( /~{3,}/g, '' ) ), markers ) );
	} else if ( markers.length ) {
		text = appendBlock( text, silentMarkers( markers ) );
	}
	if ( text === base.text ) {
		return null;
	}
	return {
		title: record.page,
		pageid: record.pageid,
		kind: 'request',
		text: text,
		summary: 'Helpdesk bot: ' + ( reasons.length ? reasons.join( '; ' ) : 'update' ),
		baseRevid: base.revid,
		baseTimestamp: base.timestamp,
		reasons: reasons,
		notices: notices,
		mentions: notices.reduce( ( sum, notice ) => sum + notice.to.length, 0 ),
	};
}

/**
 * The staff told once, on the settings page's talk page, that an edit made the
 * settings invalid: keyed by the revision, recorded in the edit that tells them.
 */
function settingsNotice( input: PlanInput, inForce: SettingsInForce, recipients: Recipients, wants: MoreReading ): PlannedEdit[] {
	const config = input.config;
	if ( inForce.latest === 0 || !inForce.problems.some( ( problem ) => problem.code === 'settings-invalid' ) ) {
		return [];
	}
	const staff = tellable( config.process.helpdesk, recipients.bot ).filter( ( name ) => recipients.accounts[ name ] === true );
	if ( staff.length === 0 ) {
		return [];
	}
	const title = settingsTalkTitle( config.pages );
	const talk = input.talkPages[ title ];
	if ( !talk ) {
		wants.talkPages.push( title );
		return [];
	}
	const key = settingsKey( inForce.latest );
	if ( readMarkers( talk.text ).some( ( entry ) => entry.k === key ) || botsDenied( talk.text, input.botName ) ) {
		return [];
	}
	const problems = escapeText( inForce.problems.map( ( problem ) => problem.text.replace( /\.?$/, '.' ) ).join( ' ' ), false );
	const section = '== ' + message( 'en', 'settings-heading' ) + ' ==\n' + message( 'en', 'settings-invalid',
		staff.map( ( name ) => userLink( config, name ) ).join( ', ' ), '[[Special:Diff/' + inForce.latest + '|' + inForce.latest + ']]', problems,
		inForce.revid ) + ' ~~~~' + marker( { k: key, to: staff } );
	return [ {
		title: title,
		kind: 'talk',
		text: talk.text.trim() === '' ? section : appendBlock( talk.text, '\n\n' + section ),
		summary: 'Helpdesk bot: the process settings of revision ' + inForce.latest + ' are not valid',
		baseRevid: talk.revid,
		baseTimestamp: talk.timestamp,
		reasons: [ 'tell the helpdesk staff that the settings are not valid' ],
		notices: [ { to: staff, channel: 'mention', about: 'settings', requests: [] } ],
		mentions: staff.length,
	} ];
}

/**
 * The requester's notice of a new status, in their language: what changed, the
 * committee's reasons when its members gave them, and what happens next (with the
 * next meeting's date while the request waits on the committee).
 */
function statusNotice( input: PlanInput, committee: Committee, page: DerivedPage, people: string ): string {
	const record = page.record;
	const language = record.language || 'en';
	const parts = [ message( language, 'requester-status', people, message( language, 'status-' + record.status ) ) ];
	const reasons = decisionReasons( page.snapshot.text, input.config.templates.signOff, record, committee );
	if ( reasons.length ) {
		parts.push( message( language, 'reason', reasons.map( ( reason ) => '“' + escapeText( reason, false ) + '”' ).join( '; ' ), reasons.length ) );
	}
	parts.push( message( language, 'next-' + record.status ) );
	const meeting = nextMeeting( input.config.process, input.now.slice( 0, 10 ) );
	if ( meeting !== null && WAITING_ON[ record.status ] === 'committee' ) {
		parts.push( message( language, 'next-meeting', longDate( meeting, language ) ) );
	}
	return parts.join( ' ' );
}

/** A day written out in `language` (English when the runtime does not know it). */
function longDate( day: string, language: string ): string {
	try {
		return new Intl.DateTimeFormat( language, { dateStyle: 'long', timeZone: 'UTC' } ).format( new Date( day + 'T00:00:00Z' ) );
	} catch {
		return day;
	}
}

function plainNames( names: string[] ): string {
	return names.map( ( name ) => escapeText( name, false ) ).join( ', ' );
}

/** One new section on a member's talk page listing every request for them in this run. */
function talkEdit( input: PlanInput, member: CommitteeMember, talk: TalkPage, items: Routed[] ): PlannedEdit {
	const config = input.config;
	const language = languageFor( member.languages, 'talk-heading' );
	const lines = items.map( ( item ) => {
		const record = item.record;
		const link = pageLink( record.page, record.title || record.page );
		const line = item.due.about === 'filed' ? message( language, 'talk-filed', link ) :
			message( language, 'talk-reminder', link, item.due.days || 0, message( language, 'stage-' + record.status ) );
		return '* ' + line + marker( { k: item.due.key, page: record.pageid } );
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
		reasons: items.map( ( item ) => item.due.about + ': ' + item.record.page ),
		requestPageids: items.map( ( item ) => item.record.pageid ),
		notices: [ {
			to: [ member.name ],
			channel: 'talk',
			about: items.every( ( item ) => item.due.about === 'filed' ) ? 'filed' : 'reminder',
			requests: items.map( ( item ) => item.record.page ),
		} ],
		mentions: 0,
	};
}

/** Requests a person should look at, with the reason, for the views and the report. */
export function needsAttention( records: RequestRecord[], committee: Committee, config: PlanConfig, now: string ): Attention[] {
	const list: Attention[] = [];
	committee.problems.forEach( ( problem ) => list.push( { page: config.pages.committee, code: 'committee', params: [], reason: problem } ) );
	records.forEach( ( record ) => list.push( ...recordAttention( record, committee, config, now,
		remindedOf( record, config, normaliseUserName( '' ) ).length + ( WAITING_ON[ record.status ] === 'committee' ? committee.members.length : 0 ) ) ) );
	return list;
}

export { flagsOf, isClosed };
