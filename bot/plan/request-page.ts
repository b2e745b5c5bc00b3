/**
 * One request page: what the bot knows of it (its record), and what the page still
 * needs — normalised status parameters, the sign-off tally, and the notices owed,
 * each recorded by a marker in the very edit that makes it.
 */
import { parseRequestPage } from '../../shared/codec';
import { escapeText } from '../../shared/escape';
import { isClosed, isStatus, normaliseWorkingGroup, Status, WAITING_ON } from '../../shared/status';
import type { PlanConfig } from '../config';
import { attributeSignOffs, availableMembers, countedSignOffs, signOffCalls, tally } from './committee';
import { message } from './messages';
import type {
	Committee, NoticeEntry, PageHistory, PageSnapshot, ReminderEntry, RequestFacts, RequestRecord, SignOff, StatusEntry,
} from './types';
import { botsDenied, findTemplates, marker, normaliseUserName, paramValue, readMarkers, setTemplateParams } from './wikitext';

/** Template parameter names, as the codec writes them. */
const PARAM = { workingGroup: 'working_group', statusSince: 'status_since' } as const;

const TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;
const DAY = 86400000;

/** A timestamp as written by hand (`2026-03-01`, `2026-03-01 10:00`) in canonical form, or ''. */
export function canonicalTimestamp( typed: string ): string {
	const text = typed.trim();
	if ( TIMESTAMP.test( text ) ) {
		return text;
	}
	// eslint-disable-next-line security/detect-unsafe-regex -- anchored, no nested repetition
	const match = /^(\d{4}-\d\d-\d\d)(?:[T ](\d\d:\d\d)(?::(\d\d))?Z?)?$/.exec( text );
	if ( !match || isNaN( Date.parse( match[ 1 ] ) ) ) {
		return '';
	}
	return match[ 1 ] + 'T' + ( match[ 2 ] || '00:00' ) + ':' + ( match[ 3 ] || '00' ) + 'Z';
}

/** Whole days from `from` to `to`. */
export function daysBetween( from: string, to: string ): number {
	return Math.floor( ( Date.parse( to ) - Date.parse( from ) ) / DAY );
}

function union( lists: string[][] ): string[] {
	const result: string[] = [];
	lists.forEach( ( list ) => list.forEach( ( name ) => {
		if ( !result.includes( name ) ) {
			result.push( name );
		}
	} ) );
	return result;
}

function names( value: unknown ): string[] {
	return Array.isArray( value ) ? value.filter( ( name ): name is string => typeof name === 'string' ) : [];
}

interface PageMarkers {
	statuses: StatusEntry[];
	filed: NoticeEntry | null;
	reminders: ReminderEntry[];
}

function pageMarkers( text: string ): PageMarkers {
	const found: PageMarkers = { statuses: [], filed: null, reminders: [] };
	for ( const entry of readMarkers( text ) ) {
		if ( entry.notice === 'status' && typeof entry.status === 'string' && isStatus( entry.status ) && typeof entry.since === 'string' ) {
			found.statuses.push( { status: entry.status, since: entry.since } );
		} else if ( entry.notice === 'filed' ) {
			found.filed = {
				to: union( [ found.filed ? found.filed.to : [], names( entry.to ) ] ),
				of: found.filed ? found.filed.of : names( entry.of ),
			};
		} else if ( entry.notice === 'reminder' && typeof entry.stage === 'string' && isStatus( entry.stage ) &&
			typeof entry.since === 'string' && typeof entry.at === 'string' ) {
			const { stage, since, at } = entry;
			const same = found.reminders.find( ( reminder ) => reminder.stage === stage && reminder.since === since && reminder.at === at );
			if ( same ) {
				same.to = union( [ same.to, names( entry.to ) ] );
			} else {
				found.reminders.push( { stage: stage, since: since, at: at, to: names( entry.to ), of: names( entry.of ) } );
			}
		}
	}
	return found;
}

/** The parameter values the bot writes back, and whether the status changed. */
interface StatusOutcome {
	status: Status;
	since: string;
	workingGroup: string;
	/** Parameters to set, with their new values. */
	fixes: Record<string, string>;
	/** The status is new since the bot last saw the page. */
	changed: boolean;
}

export interface DerivedPage {
	record: RequestRecord;
	/** Revision to read the history from, when sign-offs need attributing. */
	needsHistory?: number | null;
	outcome: StatusOutcome | null;
	snapshot: PageSnapshot;
}

/**
 * What the bot knows of a request page, from its text (and, for sign-offs, its
 * history), with what the state kept of it (`previous`).
 */
export function deriveRecord(
	snapshot: PageSnapshot, previous: RequestFacts | null, history: PageHistory | undefined, config: PlanConfig, botName: string,
): DerivedPage {
	const markers = pageMarkers( snapshot.text );
	const record: RequestRecord = {
		page: snapshot.title,
		pageid: snapshot.pageid,
		revid: snapshot.revid,
		touched: snapshot.timestamp,
		problem: '',
		title: '',
		requester: '',
		affiliate: '',
		individual: false,
		country: '',
		support: [],
		language: '',
		filed: '',
		status: 'submitted',
		statusSince: '',
		workingGroup: '',
		statusHistory: markers.statuses,
		signOffs: [],
		filedNotice: markers.filed,
		reminders: markers.reminders,
		attention: [],
		botsDenied: botsDenied( snapshot.text, botName ),
	};
	const parsed = parseRequestPage( snapshot.text );
	if ( !parsed.ok ) {
		record.problem = parsed.problem.message;
		return { record: record, outcome: null, snapshot: snapshot };
	}
	const request = parsed.request;
	Object.assign( record, {
		title: request.title,
		requester: normaliseUserName( request.requester ),
		affiliate: request.affiliate,
		individual: request.individual,
		country: request.country,
		support: request.support,
		language: request.language,
		filed: canonicalTimestamp( request.filed ),
	} );
	parsed.unknownParameters.forEach( ( name ) => record.attention.push( 'Unknown parameter "' + name + '".' ) );
	parsed.warnings.forEach( ( warning ) => record.attention.push( warning ) );

	const outcome = statusOutcome( snapshot, parsed.request.status, previous, markers.statuses, record.filed, config );
	record.status = outcome.status;
	record.statusSince = outcome.since;
	record.workingGroup = outcome.workingGroup as RequestRecord[ 'workingGroup' ];
	if ( outcome.status === 'working-group' && outcome.workingGroup === '' ) {
		record.attention.push( 'The status is working-group but no working group is named.' );
	}

	// Sign-offs: reuse what the previous run attributed; find the rest in the history.
	const calls = signOffCalls( snapshot.text, config.templates.signOff );
	calls.filter( ( call ) => !call.kind || call.member === '' ).forEach( ( call ) => {
		record.attention.push( 'A sign-off that names no member or no kind: ' + call.wikitext );
	} );
	const known: SignOff[] = previous ? previous.signOffs.filter( ( signOff ) => signOff.author !== '' ) : [];
	const unknownKeys = calls.filter( ( call ) => call.kind && call.member !== '' &&
		!known.some( ( signOff ) => signOff.kind + '|' + signOff.member + '|' + signOff.decision === call.key ) );
	let needsHistory: number | null | undefined;
	if ( unknownKeys.length > 0 && !history ) {
		needsHistory = previous && previous.revid < snapshot.revid && previous.signOffs.every( ( signOff ) => signOff.author !== '' ) ? previous.revid : null;
	}
	record.signOffs = attributeSignOffs( calls, known, history ? history.revisions : [], config.templates.signOff );
	if ( history && history.fromRevid !== null && record.signOffs.some( ( signOff ) => signOff.author === '' ) ) {
		// Added before the part of the history we read: read it all.
		needsHistory = null;
	}
	return { record: record, needsHistory: needsHistory, outcome: outcome, snapshot: snapshot };
}

function statusOutcome(
	snapshot: PageSnapshot, status: Status, previous: RequestFacts | null, seen: StatusEntry[], filed: string, config: PlanConfig,
): StatusOutcome {
	const template = findTemplates( snapshot.text, config.templates.request )[ 0 ];
	const typedStatus = paramValue( template, 'status' );
	const typedSince = paramValue( template, 'status_since' );
	const typedGroup = paramValue( template, 'working_group' );
	const fixes: Record<string, string> = {};
	if ( typedStatus !== status ) {
		fixes.status = status;
	}
	const group = typedGroup === '' ? '' : normaliseWorkingGroup( typedGroup ) || '';
	if ( group !== '' && group !== typedGroup ) {
		fixes[ PARAM.workingGroup ] = group;
	}
	const last: StatusEntry | null = seen.length ? seen[ seen.length - 1 ] :
		previous && previous.status !== '' ? { status: previous.status, since: previous.statusSince } : null;
	const since = canonicalTimestamp( typedSince );
	let effective: string;
	let changed = false;
	if ( last === null ) {
		effective = since || ( status === 'submitted' && filed ) || snapshot.timestamp;
	} else if ( last.status !== status ) {
		changed = true;
		// Keep a date the person who changed the status wrote; otherwise stamp the edit's time.
		effective = since && since > last.since ? since : snapshot.timestamp;
	} else {
		effective = since || last.since || snapshot.timestamp;
	}
	if ( effective !== typedSince ) {
		fixes[ PARAM.statusSince ] = effective;
	}
	return { status: status, since: effective, workingGroup: group, fixes: fixes, changed: changed };
}

// Notices ----------------------------------------------------------------------

export interface PageNotices {
	/** Members (and contacts) owed the filing notice. */
	filed: string[];
	filedOf: string[];
	reminder: { stage: Status; since: string; at: string; to: string[]; of: string[]; days: number } | null;
	/** The requester is told of the new status. */
	requester: boolean;
}

/** The reminder owed now for the record's stage, if any. */
export function reminderDue( record: RequestRecord, committee: Committee, config: PlanConfig, now: string ): PageNotices[ 'reminder' ] {
	const threshold = config.thresholds[ record.status ];
	const party = WAITING_ON[ record.status ];
	if ( !threshold || record.statusSince === '' || isClosed( record.status ) ) {
		return null;
	}
	const days = daysBetween( record.statusSince, now );
	if ( days < threshold ) {
		return null;
	}
	const sent = record.reminders.filter( ( reminder ) => reminder.stage === record.status && reminder.since === record.statusSince )
		.sort( ( a, b ) => a.at < b.at ? -1 : 1 );
	const latest = sent[ sent.length - 1 ];
	if ( latest && daysBetween( latest.at, now ) < threshold ) {
		// Within the period: only what is left of a reminder cut short.
		const rest = latest.of.filter( ( name ) => !latest.to.includes( name ) );
		return rest.length ? { stage: latest.stage, since: latest.since, at: latest.at, to: rest, of: latest.of, days: days } : null;
	}
	let of: string[];
	if ( party === 'committee' ) {
		const kind = record.status === 'awaiting-final-go' ? 'final-go' : 'feedback';
		const done = countedSignOffs( record.signOffs, committee ).filter( ( signOff ) => signOff.kind === kind ).map( ( signOff ) => signOff.member );
		of = availableMembers( committee, now ).map( ( member ) => member.name )
			.filter( ( name ) => !done.includes( name ) && name !== record.requester );
	} else if ( party === 'working-group' ) {
		of = config.contacts.workingGroup.map( normaliseUserName );
	} else if ( party === 'helpdesk' ) {
		of = config.contacts.helpdesk.map( normaliseUserName );
	} else {
		return null;
	}
	return of.length ? { stage: record.status, since: record.statusSince, at: now, to: of, of: of, days: days } : null;
}

/** The filing notice still owed: to every available member, once. */
export function filingDue( record: RequestRecord, committee: Committee, config: PlanConfig, now: string ): { to: string[]; of: string[] } | null {
	if ( record.problem !== '' || isClosed( record.status ) ) {
		return null;
	}
	if ( record.filedNotice ) {
		const notice = record.filedNotice;
		const rest = notice.of.filter( ( name ) => !notice.to.includes( name ) );
		return rest.length ? { to: rest, of: notice.of } : null;
	}
	const filed = record.filed || record.touched;
	if ( daysBetween( filed, now ) > config.filingNoticeWithinDays ) {
		return null;
	}
	const of = availableMembers( committee, now ).map( ( member ) => member.name ).filter( ( name ) => name !== record.requester );
	return of.length ? { to: of, of: of } : null;
}

function daysAfter( timestamp: string, days: number ): string {
	const time = Date.parse( timestamp ) + days * DAY;
	return isNaN( time ) ? '' : new Date( time ).toISOString().replace( /\.\d{3}Z$/, 'Z' );
}

/**
 * The first time after `now` at which this request changes with no edit: its
 * stage turns overdue or owes the next reminder, or, closed, it moves to the
 * archive. '' when nothing is ahead.
 */
export function nextChange( record: RequestRecord, config: PlanConfig, now: string ): string {
	if ( record.problem !== '' || record.statusSince === '' ) {
		return '';
	}
	const times: string[] = [];
	const threshold = config.thresholds[ record.status ];
	if ( isClosed( record.status ) ) {
		// Archived once more than archiveAfterDays whole days have passed.
		times.push( daysAfter( record.statusSince, config.archiveAfterDays + 1 ) );
	} else if ( threshold ) {
		times.push( daysAfter( record.statusSince, threshold ) );
		record.reminders.filter( ( reminder ) => reminder.stage === record.status && reminder.since === record.statusSince )
			.forEach( ( reminder ) => times.push( daysAfter( reminder.at, threshold ) ) );
	}
	return times.filter( ( time ) => time > now ).sort()[ 0 ] || '';
}

/** Whether the record's page owes anything that needs its text: the page must be read. */
export function owesSomething( record: RequestRecord, committee: Committee, config: PlanConfig, now: string ): boolean {
	return record.problem === '' && !record.botsDenied &&
		( filingDue( record, committee, config, now ) !== null || reminderDue( record, committee, config, now ) !== null );
}

// Text -------------------------------------------------------------------------

const TALLY = /\n?<!-- helpdesk-bot-tally -->[^\n]*<!-- \/helpdesk-bot-tally -->/;

/** The tally line, right after the request template; replaced, never duplicated. */
export function withTally( text: string, templateName: string, line: string ): string {
	const without = text.replace( TALLY, '' );
	if ( line === '' ) {
		return without;
	}
	const block = '\n<!-- helpdesk-bot-tally -->' + line + '<!-- /helpdesk-bot-tally -->';
	const template = findTemplates( without, templateName )[ 0 ];
	const at = template ? without.indexOf( template.wikitext ) : -1;
	if ( at === -1 ) {
		return without;
	}
	const end = at + template.wikitext.length;
	return without.slice( 0, end ) + block + without.slice( end );
}

export function tallyLine( record: RequestRecord, committee: Committee ): string {
	if ( record.signOffs.length === 0 ) {
		return '';
	}
	const counts = tally( record.signOffs, committee );
	return "''" + message( 'en', 'tally', counts.feedback, counts.members, counts.finalGoYes, counts.finalGoNo ) + "''";
}

export function userLink( config: PlanConfig, name: string ): string {
	return '[[' + config.userPrefix + name + '|' + escapeText( name, false ) + ']]';
}

export function pageLink( page: string, label: string ): string {
	return '[[' + page + '|' + escapeText( label, false ) + ']]';
}

/** The page with its status parameters fixed in place. */
export function withParamFixes( derived: DerivedPage, config: PlanConfig ): string {
	const outcome = derived.outcome;
	return outcome && Object.keys( outcome.fixes ).length ?
		setTemplateParams( derived.snapshot.text, config.templates.request, outcome.fixes ) : derived.snapshot.text;
}

/** A notice paragraph: sentences, the bot's one signature, then the markers. */
export function noticeBlock( sentences: string[], markers: object[] ): string {
	return '\n\n' + sentences.join( ' ' ) + ' ~~~~' + markers.map( marker ).join( '' );
}

export function statusMarker( status: Status, since: string ): object {
	return { notice: 'status', status: status, since: since };
}

export function appendBlock( text: string, block: string ): string {
	return text.replace( /\s+$/, '' ) + block;
}

/** A status marker alone, when an edit records a new status without telling anyone. */
export function silentMarker( status: Status, since: string ): string {
	return '\n' + marker( statusMarker( status, since ) );
}

export { escapeText };
