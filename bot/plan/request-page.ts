/**
 * One request page: what the bot knows of it (its record) from the page as the
 * wiki saved it — the request's fields, checked; its status and since when; the
 * sign-offs with who added them; the notices its markers record — and the text
 * changes it still needs (normalised status parameters, the sign-off tally).
 */
import { parseRequestPage } from '../../shared/codec';
import { escapeText, unescapeText } from '../../shared/escape';
import type { HelpdeskRequest } from '../../shared/request';
import { reminderDays, workingGroupByName } from '../../shared/settings';
import { isStatus, normaliseWorkingGroup, Status } from '../../shared/status';
import { dateProblem, daysBetween, parseTimestamp, shortened, userNameProblem } from '../../shared/wikitext';
import type { PlanConfig } from '../config';
import { attributeSignOffs, countedSignOffs, signOffCalls, signOffCode, tally } from './committee';
import { message } from './messages';
import type { Committee, NoticeEntry, PageSnapshot, Recommendation, RequestRecord, RequestSummary, Revision, SignOff, StatusEntry } from './types';
import { attributeVerdicts, KnownVerdict, verdictsNeedingHistory } from './verdict';
import { botsDenied, findTemplates, marker, normaliseUserName, paramValue, readMarkers, setCallParams, setTemplateParams } from './wikitext';

/** Template parameter names, as the codec writes them. */
const PARAM = { workingGroup: 'working_group', statusSince: 'status_since' } as const;

function names( value: unknown ): string[] {
	return Array.isArray( value ) ? value.filter( ( name ): name is string => typeof name === 'string' ) : [];
}

function union( a: string[], b: string[] ): string[] {
	return a.concat( b.filter( ( name ) => !a.includes( name ) ) );
}

export function statusKey( status: Status, since: string ): string {
	return 'status:' + status + ':' + since;
}

export function reminderKey( stage: Status, since: string, round: number ): string {
	return 'reminder:' + stage + ':' + since + ':' + round;
}

/**
 * The notices and statuses the page's markers record, in page order. Markers of
 * earlier versions of the bot (`notice`, a reminder's `at`) are read too.
 */
export function pageNotices( text: string, config: PlanConfig ): { notices: NoticeEntry[]; statuses: StatusEntry[] } {
	const notices: NoticeEntry[] = [];
	const statuses: StatusEntry[] = [];
	for ( const entry of readMarkers( text ) ) {
		let key = typeof entry.k === 'string' ? entry.k : '';
		const status = entry.status;
		const since = typeof entry.since === 'string' ? entry.since : '';
		if ( entry.notice === 'filed' ) {
			key = 'filed';
		} else if ( entry.notice === 'status' && typeof status === 'string' && isStatus( status ) ) {
			key = statusKey( status, since );
		} else if ( entry.notice === 'reminder' && typeof entry.stage === 'string' && isStatus( entry.stage ) && typeof entry.at === 'string' ) {
			const threshold = reminderDays( config.process, entry.stage ) || 1;
			key = reminderKey( entry.stage, since, Math.max( 1, Math.floor( daysBetween( since, entry.at ) / threshold ) ) );
		}
		if ( key === '' ) {
			continue;
		}
		if ( key.indexOf( 'status:' ) === 0 && typeof status === 'string' && isStatus( status ) ) {
			statuses.push( entry.imported === true ? { status: status, since: since, imported: true } : { status: status, since: since } );
		}
		const same = notices.find( ( notice ) => notice.key === key );
		if ( same ) {
			same.to = union( same.to, names( entry.to ) );
			same.talk = union( same.talk, names( entry.talk ) );
			same.none = union( same.none, names( entry.none ) );
		} else {
			notices.push( {
				key: key, to: names( entry.to ), of: names( entry.of ), talk: names( entry.talk ), none: names( entry.none ),
			} );
		}
	}
	return { notices: notices, statuses: statuses };
}

/** What the bot writes back into the template, and whether the status changed. */
export interface StatusOutcome {
	/** Parameters to set, with their new values. */
	fixes: Record<string, string>;
	/** The status differs from the last one the page records (not for a page seen the first time). */
	changed: boolean;
	/** No status is recorded on the page yet: this edit records the first. */
	first: boolean;
}

export interface DerivedPage {
	record: RequestRecord;
	/** Sign-off keys whose authors the page history must tell. */
	needsHistory: string[];
	outcome: StatusOutcome | null;
	snapshot: PageSnapshot;
}

/**
 * What the bot knows of a request page, from its text, what earlier runs found of
 * who added its sign-offs (`known`) and verdicts (`knownVerdicts`), and the history
 * read for the others (`history`, newest first, or undefined when not read).
 */
export function deriveRecord(
	snapshot: PageSnapshot, known: SignOff[], history: Revision[] | undefined, config: PlanConfig, botName: string, now: string,
	knownVerdicts: KnownVerdict[] = [],
): DerivedPage {
	const markers = pageNotices( snapshot.text, config );
	// A date on the page can be as late as the page's latest revision (a run sees its own edits after it began).
	now = snapshot.timestamp > now ? snapshot.timestamp : now;
	const record: RequestRecord = {
		page: snapshot.title,
		pageid: snapshot.pageid,
		revid: snapshot.revid,
		touched: snapshot.timestamp,
		problem: '',
		title: '',
		requester: '',
		requesterValid: false,
		affiliate: '',
		individual: false,
		country: '',
		support: [],
		language: '',
		filed: '',
		status: 'submitted',
		statusUnknown: '',
		proven: 'submitted',
		processProblems: [],
		statusSince: '',
		workingGroup: '',
		summary: { stage: '', volume: '', contentType: '', languages: [], excerpt: '', links: [], recommendation: null },
		statusHistory: markers.statuses,
		signOffs: [],
		verdicts: [],
		notices: markers.notices,
		attention: [],
		botsDenied: botsDenied( snapshot.text, botName ),
	};
	const parsed = parseRequestPage( snapshot.text, { unknownStatus: 'keep' } );
	if ( !parsed.ok ) {
		record.problem = shortened( parsed.problem.message, 300 );
		return { record: record, needsHistory: [], outcome: null, snapshot: snapshot };
	}
	const request = parsed.request;
	const requester = normaliseUserName( request.requester );
	const requesterProblem = userNameProblem( requester );
	Object.assign( record, {
		title: request.title,
		requester: requester,
		requesterValid: requesterProblem === '',
		affiliate: request.affiliate,
		individual: request.individual,
		country: request.country,
		support: request.support,
		// eslint-disable-next-line security/detect-unsafe-regex -- anchored and bounded
		language: /^[a-z]{2,3}(-[a-z0-9]{1,8}){0,3}$/.test( request.language ) ? request.language : '',
		filed: checkedDate( 'filed', request.filed, now, record.attention ),
		summary: summaryOf( request, recommendationOf( snapshot.text, config ) ),
	} );
	if ( requesterProblem !== '' ) {
		record.attention.push( 'The requester "' + shortened( requester, 80 ) + '" is not a user name (' + requesterProblem + '): shown as text and never told.' );
	}
	parsed.unknownParameters.forEach( ( name ) => record.attention.push( 'Unknown parameter "' + shortened( name, 80 ) + '".' ) );
	// The working groups are the settings' (checked below), not the codec's.
	parsed.warnings.filter( ( warning ) => warning.indexOf( 'working_group:' ) !== 0 )
		.forEach( ( warning ) => record.attention.push( shortened( warning, 300 ) ) );

	const status = statusOutcome( snapshot, parsed.unknownStatus === '' ? request.status : null, markers.statuses, record, config, now );
	if ( parsed.unknownStatus !== '' ) {
		record.statusUnknown = shortened( parsed.unknownStatus, 80 );
		record.attention.push( 'The status "' + record.statusUnknown + '" is not a Helpdesk status: the request stays where it was (' +
			record.status.replace( /-/g, ' ' ) + ') until a person writes one.' );
	}
	record.proven = record.status;
	if ( record.status === 'working-group' && record.workingGroup === '' ) {
		record.attention.push( 'The status is working-group but no working group is named.' );
	}

	const calls = signOffCalls( snapshot.text, config.templates.signOff );
	calls.filter( ( call ) => !call.kind || call.member === '' ).forEach( ( call ) => {
		record.attention.push( 'A sign-off that names no member or no kind: ' + shortened( call.wikitext, 120 ) );
	} );
	calls.filter( ( call ) => call.member !== '' && userNameProblem( call.member ) !== '' ).forEach( ( call ) => {
		record.attention.push( 'A sign-off names "' + shortened( call.member, 80 ) + '", which is not a user name: not counted.' );
	} );
	const counted = calls.filter( ( call ) => call.kind && call.member !== '' && userNameProblem( call.member ) === '' );
	// A sign-off someone else added is looked up again each time: the member may have replaced it since with their own.
	known = known.filter( ( signOff ) => signOff.author === signOff.member );
	const unknown = counted.filter( ( call ) => !known.some( ( signOff ) => keyOf( signOff ) === call.key ) ).map( ( call ) => call.key );
	// The history from the revision read on: a page edited since still tells who added what is on it.
	const from = history ? history.findIndex( ( revision ) => revision.revid === snapshot.revid ) : -1;
	const historyFits = from !== -1;
	const fromRead = historyFits ? history!.slice( from ) : [];
	record.signOffs = attributeSignOffs( counted, known, fromRead, config.templates.signOff );
	// A verdict someone else added is looked up again each time too, as a sign-off is.
	record.verdicts = attributeVerdicts( snapshot.text, knownVerdicts.filter( ( verdict ) => verdict.user === verdict.author ), fromRead );
	const unknownVerdicts = verdictsNeedingHistory( record.verdicts, requester );
	return {
		record: record,
		needsHistory: unknown.length + unknownVerdicts.length && !historyFits ? unknown.concat( unknownVerdicts ) : [],
		outcome: status,
		snapshot: snapshot,
	};
}

function keyOf( signOff: SignOff ): string {
	return signOff.kind + '|' + signOff.member + '|' + signOff.decision;
}

/** A date typed on the page, canonical, or '' (with the reason noted) when it is not a real, past date. */
function checkedDate( name: string, typed: string, now: string, attention: string[] ): string {
	if ( typed.trim() === '' ) {
		return '';
	}
	const problem = dateProblem( typed, now );
	if ( problem !== '' ) {
		attention.push( name + ' = "' + shortened( typed.trim(), 40 ) + '": ' + problem + '.' );
		return '';
	}
	return parseTimestamp( typed ) || '';
}

/**
 * The status and since when, from the template and the last status the page's
 * markers record. A new status is dated by what the person who changed it typed
 * (a real date after the previous one), otherwise by the page's latest revision.
 */
function statusOutcome(
	snapshot: PageSnapshot, typed: Status | null, seen: StatusEntry[], record: RequestRecord, config: PlanConfig, now: string,
): StatusOutcome {
	const template = findTemplates( snapshot.text, config.templates.request )[ 0 ];
	const typedStatus = paramValue( template, 'status' );
	const typedSince = paramValue( template, PARAM.statusSince );
	const typedGroup = paramValue( template, PARAM.workingGroup );
	const fixes: Record<string, string> = {};
	const last = seen.length ? seen[ seen.length - 1 ] : null;
	const lastSince = last && parseTimestamp( last.since ) ? parseTimestamp( last.since )! : '';
	if ( typed === null ) {
		// A status the bot cannot read: the request stays where it was, and what a person wrote stays for a person to correct.
		record.status = last ? last.status : 'submitted';
		record.statusSince = lastSince || record.filed || snapshot.timestamp;
		record.workingGroup = workingGroupCode( typedGroup, config, record );
		return { fixes: {}, changed: false, first: false };
	}
	const status = typed;
	if ( typedStatus !== status ) {
		fixes.status = status;
	}
	const group = workingGroupCode( typedGroup, config, record );
	if ( group !== '' && group !== typedGroup.trim() && !record.attention.some( ( line ) => line.indexOf( 'working_group' ) === 0 ) ) {
		fixes[ PARAM.workingGroup ] = group;
	}
	const since = checkedDate( PARAM.statusSince, typedSince, now, record.attention );
	let effective: string;
	if ( last === null ) {
		effective = since || ( status === 'submitted' && record.filed ) || snapshot.timestamp;
	} else if ( last.status !== status ) {
		effective = since && since > lastSince ? since : snapshot.timestamp;
	} else {
		effective = since || lastSince || snapshot.timestamp;
	}
	// A date a person typed that is no real date stays for them to correct (it is flagged); an empty one is filled in.
	if ( effective !== typedSince && ( since !== '' || typedSince.trim() === '' || ( last !== null && last.status !== status ) ) ) {
		fixes[ PARAM.statusSince ] = effective;
	}
	record.status = status;
	record.statusSince = effective;
	record.workingGroup = group;
	const recorded = record.notices.some( ( notice ) => notice.key === statusKey( status, effective ) ) ||
		( last !== null && last.status === status );
	return { fixes: fixes, changed: last !== null && last.status !== status && !recorded, first: last === null };
}

/**
 * The working group's code from what the page says: a group of the settings by
 * its code or any of its names, else one the Helpdesk has always known; a name
 * neither knows is kept as written, and flagged.
 */
function workingGroupCode( typed: string, config: PlanConfig, record: RequestRecord ): string {
	const text = unescapeText( typed ).trim();
	if ( text === '' ) {
		return '';
	}
	const group = workingGroupByName( config.process, text );
	if ( group ) {
		return group.code;
	}
	const known = normaliseWorkingGroup( text );
	if ( known && config.process.workingGroups.length === 0 ) {
		return known;
	}
	record.attention.push( 'working_group: "' + shortened( text, 80 ) + '" is not a working group of the settings.' );
	return shortened( text, 80 );
}

/** Characters of the description the agenda shows. */
export const EXCERPT_LENGTH = 300;

function summaryOf( request: HelpdeskRequest, recommendation: Recommendation | null ): RequestSummary {
	return {
		stage: request.stage,
		volume: shortened( request.volume.trim(), 120 ),
		contentType: shortened( request.contentType.trim(), 120 ),
		languages: request.languages.slice( 0, 10 ).map( ( language ) => shortened( language.trim(), 80 ) ),
		excerpt: shortened( request.description.replace( /\s+/g, ' ' ).trim(), EXCERPT_LENGTH ),
		links: request.links.filter( ( link ) => /^https?:\/\/[^\s<>"[\]{}|]+$/i.test( link ) ).slice( 0, 5 ).map( ( link ) => shortened( link, 400 ) ),
		recommendation: recommendation,
	};
}

/** The last `{{Helpdesk recommendation|group=…|recommendation=…|text}}` on the page, if any. */
function recommendationOf( text: string, config: PlanConfig ): Recommendation | null {
	const calls = findTemplates( text, config.templates.recommendation );
	const call = calls[ calls.length - 1 ];
	if ( !call ) {
		return null;
	}
	const said = paramValue( call, 'recommendation' ).trim().toLowerCase();
	return {
		group: shortened( unescapeText( paramValue( call, 'group' ) ).trim(), 80 ),
		recommendation: said === 'yes' || said === 'no' ? said : '',
		text: shortened( unescapeText( paramValue( call, 'text' ) || paramValue( call, '1' ) ).replace( /\s+/g, ' ' ).trim(), 500 ),
	};
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
	if ( !template ) {
		return without;
	}
	const end = template.start + template.wikitext.length;
	return without.slice( 0, end ) + block + without.slice( end );
}

/**
 * The reasons members gave (`reason=` on their sign-off) for the decision the
 * status records: counted final-go sign-offs with that decision, as plain text.
 */
export function decisionReasons( text: string, templateName: string, record: RequestRecord, committee: Committee ): string[] {
	const decision = record.status === 'declined' ? 'no' : record.status === 'approved' ? 'yes' : '';
	if ( decision === '' ) {
		return [];
	}
	const counted = countedSignOffs( record.signOffs, committee ).filter( ( signOff ) => signOff.kind === 'final-go' && signOff.decision === decision );
	const reasons: string[] = [];
	findTemplates( text, templateName ).forEach( ( call, index ) => {
		const written = signOffCalls( text, templateName )[ index ];
		const reason = unescapeText( paramValue( call, 'reason' ) ).replace( /\s+/g, ' ' ).trim();
		if ( reason !== '' && counted.some( ( signOff ) => signOff.kind + '|' + signOff.member + '|' + signOff.decision === written.key ) &&
			!reasons.includes( reason ) ) {
			reasons.push( shortened( reason, 300 ) );
		}
	} );
	return reasons.slice( 0, 5 );
}

/** Parameters the bot writes on a sign-off that does not count: why, and who added it. */
export const NOT_COUNTED = { reason: 'not_counted', addedBy: 'added_by' } as const;

/**
 * Each sign-off call marked as the bot counts it: a call that does not count gets
 * `not_counted=CODE` (and `added_by=NAME` when someone else added it), which the
 * template shows on the request page; a call that counts loses them.
 */
export function withSignOffMarks( text: string, templateName: string, record: RequestRecord, committee: Committee ): string {
	const calls = signOffCalls( text, templateName );
	const written = findTemplates( text, templateName );
	let result = text;
	for ( let index = calls.length - 1; index >= 0; index-- ) {
		const call = calls[ index ];
		const signOff = record.signOffs.find( ( candidate ) => candidate.kind + '|' + candidate.member + '|' + candidate.decision === call.key );
		let code = '';
		if ( signOff ) {
			code = signOffCode( signOff, committee );
		} else if ( call.kind && call.member !== '' && userNameProblem( call.member ) !== '' ) {
			code = 'not-a-user';
		}
		const addedBy = code === 'added-by-other' && signOff ? escapeText( signOff.author, false ) : null;
		const want: Record<string, string | null> = { [ NOT_COUNTED.reason ]: code === '' ? null : code, [ NOT_COUNTED.addedBy ]: addedBy };
		const now = written[ index ];
		const same = Object.keys( want ).every( ( name ) => {
			const present = now.parameters.filter( ( param ) => typeof param.name === 'string' && param.name.trim() === name );
			return want[ name ] === null ? present.length === 0 : present.length === 1 && paramValue( now, name ) === want[ name ];
		} );
		if ( !same ) {
			result = setCallParams( result, templateName, index, want );
		}
	}
	return result;
}

export function tallyLine( record: RequestRecord, committee: Committee ): string {
	if ( record.signOffs.length === 0 ) {
		return '';
	}
	const counts = tally( record.signOffs, committee );
	return "''" + message( 'en', 'tally', counts.feedback, counts.members, counts.finalGoYes, counts.finalGoNo ) + "''";
}

/**
 * A person's name on a page the bot writes: a link to their user page when it is
 * a user name, plain escaped text otherwise. Either way the name is data: the link
 * target is escaped too, so no name makes a link, template or signature.
 */
export function userLink( config: PlanConfig, name: string ): string {
	if ( userNameProblem( name ) !== '' ) {
		return escapeText( name, false );
	}
	return '[[' + config.userPrefix + escapeText( name, false ) + '|' + escapeText( name, false ) + ']]';
}

/** A link to a page the bot read (its title is a valid title) with a label typed by a person. */
export function pageLink( page: string, label: string ): string {
	return '[[' + escapeText( page, false ).replace( /&#58;/g, ':' ).replace( /&#95;/g, '_' ) + '|' + escapeText( label, false ) + ']]';
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

export function appendBlock( text: string, block: string ): string {
	return text.replace( /\s+$/, '' ) + block;
}

/** Markers alone, when an edit records a status or a notice without telling anyone. */
export function silentMarkers( markers: object[] ): string {
	return '\n' + markers.map( marker ).join( '' );
}

/**
 * The status of a request as already recorded, for a page written with its past
 * (an import): the bot then owes nothing for that status and need not edit the page
 * to record it. The marker says `imported`: the decision was taken before the
 * Helpdesk's pages, so it is not checked against sign-offs. Empty when the date is
 * not a real one.
 */
export function statusRecord( status: Status, since: string ): string {
	const canonical = parseTimestamp( since );
	return canonical ? '\n' + marker( { k: statusKey( status, canonical ), status: status, since: canonical, imported: true } ) : '';
}

export { escapeText };
