/**
 * The data pages the bot compiles, which the wiki renders (Module:Helpdesk views):
 * the requests (open ones on the main page, closed ones by the year they were
 * closed, each list going on over numbered pages at the size limit) with the list
 * of what needs attention, the statistics' numbers, and the agenda of the next
 * meeting. Compact JSON only: the views, in the reader's language, are the wiki's.
 * Their text depends only on the records, the committee, the settings and the
 * day, so an unchanged Helpdesk gives byte-identical pages and no edit.
 */
import { continentOf } from '../../shared/countries';
import { nextMeeting, previousMeeting, reminderDays } from '../../shared/settings';
import { isClosed, Status, WAITING_ON } from '../../shared/status';
import { daysBetween, shortened } from '../../shared/wikitext';
import type { PlanConfig } from '../config';
import { countedSignOffs, signOffCode, signOffProblem, tally } from './committee';
import { byteLength, elementBytes, pack, storedJson } from './json-page';
import { agendaTitle, archiveTitle, exportTitle, YearGroup, yearOf } from './names';
import { hintData, RoutingHint } from './routing';
import { sha1 } from './sha1';
import type { Attention, Committee, GeneratedPage, RequestRecord } from './types';
import { verdictsByYear } from './verdict';

/**
 * The layout of the compiled pages. Raise it when their layout changes, so that the
 * first run of the new bot compiles them again instead of waiting for a change.
 */
export const COMPILED_PAGES_LAYOUT = 5;

/** The data pages' schema: the views read it. */
export const EXPORT_SCHEMA = 3;
export const STATISTICS_SCHEMA = 1;
export const AGENDA_SCHEMA = 1;
export const ROUTING_SCHEMA = 1;

/** The view module that renders the data pages. */
const VIEWS_MODULE = 'Helpdesk views';

/** The text as MediaWiki stores it (NFC, no trailing whitespace), and its SHA-1. */
export function generatedPage( title: string, text: string ): GeneratedPage {
	const stored = text.normalize( 'NFC' ).replace( /\s+$/, '' );
	return { title: title, text: stored, sha1: sha1( stored ) };
}

function jsonPage( title: string, value: unknown ): GeneratedPage {
	return Object.assign( generatedPage( title, storedJson( value ) ), { contentModel: 'json' as const } );
}

/** A view page, made once and then left to the wiki's editors. */
function viewPage( title: string, invoke: string ): GeneratedPage {
	return Object.assign( generatedPage( title, '{{#invoke:' + VIEWS_MODULE + '|' + invoke + '}}' ), { createOnly: true } );
}

/** Some compiled pages, and what the size limit kept off them. */
export interface Compiled {
	pages: GeneratedPage[];
	attention: Attention[];
}

function sizeLimit( config: PlanConfig ): string {
	return 'the size limit of ' + config.maxPageBytes.toLocaleString( 'en-US' ) + ' bytes';
}

// One request -------------------------------------------------------------------

/** Whether the request has waited in its status as long as the settings allow (as of `now`). */
export function isOverdue( record: RequestRecord, config: PlanConfig, now: string ): boolean {
	const days = reminderDays( config.process, record.status );
	return record.problem === '' && days > 0 && record.statusSince !== '' && !isClosed( record.status ) &&
		daysBetween( record.statusSince, now ) >= days;
}

/** Short flags for the views and the export: codes the views translate. */
export function flagsOf( record: RequestRecord, committee: Committee, config: PlanConfig, now: string ): string[] {
	if ( record.problem ) {
		return [ 'unreadable' ];
	}
	const flags: string[] = [];
	if ( isOverdue( record, config, now ) ) {
		flags.push( 'overdue' );
	}
	if ( record.statusUnknown !== '' ) {
		flags.push( 'unknown-status' );
	}
	if ( record.processProblems.length ) {
		flags.push( record.proven !== record.status ? 'unproven-status' : 'process' );
	}
	if ( record.signOffs.some( ( signOff ) => signOffProblem( signOff, committee ) !== '' ) ) {
		flags.push( 'sign-off-not-counted' );
	}
	if ( record.attention.length ) {
		flags.push( 'check-fields' );
	}
	if ( record.botsDenied ) {
		flags.push( 'nobots' );
	}
	return flags;
}

/** When the committee first responded: the first counted initial feedback sign-off. */
export function firstResponse( record: RequestRecord, committee: Committee ): string {
	return countedSignOffs( record.signOffs, committee ).filter( ( signOff ) => signOff.kind === 'feedback' )
		.map( ( signOff ) => signOff.timestamp ).filter( ( time ) => time !== '' && time >= record.filed ).sort()[ 0 ] || '';
}

/** When the committee decided: the status first became approved or declined, as the sign-offs bear out. */
export function finalDecision( record: RequestRecord ): string {
	const decided = record.statusHistory.filter( ( entry ) => entry.status === 'approved' || entry.status === 'declined' );
	if ( decided.length ) {
		return decided[ 0 ].since;
	}
	return ( record.proven === 'approved' || record.proven === 'declined' ) ? record.statusSince : '';
}

/** A request as the data pages hold it: empty values left out. */
export type RequestData = Record<string, unknown>;

function compact( value: Record<string, unknown> ): RequestData {
	const result: RequestData = {};
	Object.keys( value ).forEach( ( key ) => {
		const item = value[ key ];
		if ( item === '' || item === false || item === null || item === undefined || ( Array.isArray( item ) && item.length === 0 ) ) {
			return;
		}
		result[ key ] = item;
	} );
	return result;
}

export function requestData( record: RequestRecord, committee: Committee, config: PlanConfig, now: string ): RequestData {
	const flags = flagsOf( record, committee, config, now );
	if ( record.problem ) {
		return compact( { page: record.page, touched: record.touched, flags: flags, problem: record.problem } );
	}
	const summary = record.summary;
	return compact( {
		page: record.page,
		title: record.title,
		requester: record.requester,
		requesterValid: record.requesterValid,
		affiliate: record.affiliate,
		individual: record.individual,
		country: record.country,
		continent: continentOf( record.country ) || '',
		support: record.support,
		stage: summary.stage,
		volume: summary.volume,
		contentType: summary.contentType,
		excerpt: summary.excerpt,
		links: summary.links,
		language: record.language,
		filed: record.filed,
		status: record.statusUnknown !== '' ? 'unknown' : record.status,
		statusText: record.statusUnknown,
		proven: record.proven !== record.status ? record.proven : '',
		since: record.statusSince,
		waitingOn: WAITING_ON[ record.status ],
		reminderDays: reminderDays( config.process, record.status ),
		overdue: flags.includes( 'overdue' ),
		workingGroup: record.workingGroup,
		recommendation: summary.recommendation,
		touched: record.touched,
		tally: tally( record.signOffs, committee ),
		signOffs: record.signOffs.map( ( signOff ) => compact( {
			kind: signOff.kind, member: signOff.member, decision: signOff.decision, by: signOff.author, at: signOff.timestamp,
			counted: signOffCode( signOff, committee ) === '', reason: signOffCode( signOff, committee ),
		} ) ),
		firstFeedback: firstResponse( record, committee ),
		decided: finalDecision( record ),
		flags: flags,
	} );
}

// Needs attention --------------------------------------------------------------

function waitingText( record: RequestRecord, config: PlanConfig, now: string, told: number ): string {
	const party = WAITING_ON[ record.status ];
	const days = daysBetween( record.statusSince, now );
	return 'Waiting on the ' + ( party === 'working-group' ? 'working group' : party ) + ' for ' + days + ' days (reminders after ' +
		reminderDays( config.process, record.status ) + ' days)' + ( told ? '.' : ': nobody to remind; ' + ( party === 'helpdesk' ?
		'the settings list no helpdesk staff.' : party === 'working-group' ? 'the settings list no contact for this working group.' :
			party === 'requester' ? 'the requester cannot be told.' : 'no member is available.' ) );
}

/**
 * Why a request needs a person's attention, with a code for the views and the
 * English text: one list for the report, the views and the flags alike.
 */
export function recordAttention(
	record: RequestRecord, committee: Committee, config: PlanConfig, now: string, reminded = -1,
): Attention[] {
	const list: Attention[] = [];
	const add = ( code: string, params: string[], text: string ): void => {
		list.push( { page: record.page, code: code, params: params, reason: shortened( text, 300 ) } );
	};
	if ( record.problem ) {
		add( 'unreadable', [], record.problem );
		return list;
	}
	if ( record.botsDenied ) {
		add( 'nobots', [], 'The page shuts the bot out ({{nobots}} or {{bots}}): no notices or status updates.' );
	}
	record.processProblems.forEach( ( problem ) => add( problem.code, problem.params, problem.text ) );
	record.attention.forEach( ( text ) => add( record.statusUnknown !== '' && text.indexOf( 'The status "' ) === 0 ? 'unknown-status' : 'check-fields',
		record.statusUnknown !== '' && text.indexOf( 'The status "' ) === 0 ? [ record.statusUnknown ] : [], text ) );
	record.signOffs.forEach( ( signOff ) => {
		const problem = signOffProblem( signOff, committee );
		if ( problem !== '' ) {
			add( 'sign-off-not-counted', [ signOff.kind, signOff.member, signOffCode( signOff, committee ), signOff.author ], problem );
		}
	} );
	record.notices.filter( ( notice ) => notice.none.length > 0 ).forEach( ( notice ) => add( 'not-told', [ notice.none.join( ', ' ) ],
		'Not told (' + notice.key.split( ':' )[ 0 ] + '): no account on this wiki for ' + notice.none.join( ', ' ) + '.' ) );
	if ( isOverdue( record, config, now ) ) {
		add( 'overdue', [ WAITING_ON[ record.status ], String( daysBetween( record.statusSince, now ) ),
			String( reminderDays( config.process, record.status ) ) ], waitingText( record, config, now, reminded ) );
	}
	return list;
}

// Requests (the export) --------------------------------------------------------

/** Closed more than `archiveAfterDays` ago: on the page of the year it was closed, no longer with the open requests. */
export function archived( record: RequestRecord, config: PlanConfig, now: string ): boolean {
	return !record.problem && record.statusUnknown === '' && isClosed( record.status ) && record.statusSince !== '' &&
		daysBetween( record.statusSince, now ) > config.archiveAfterDays;
}

/** One of the export's other pages, as its main page lists them. */
export interface ExportIndexEntry {
	title: string;
	/** The year the requests on it were closed; null for open requests. */
	closedIn: YearGroup | null;
	part: number;
	requests: number;
}

/** A page of the export other than the main one, before it is written. */
interface ExportPart {
	closedIn: YearGroup | null;
	part: number;
	requests: RequestData[];
}

const EXPORT_ABOUT = 'Requests to the Content Partnerships Hub Helpdesk, compiled by the Helpdesk bot from the request pages and ' +
	'shown by Module:Helpdesk views. This page holds the open requests and what needs attention; "pages" lists the others: ' +
	'open requests that did not fit here, and closed requests by the year they were closed.';

function filedOrder( a: RequestData, b: RequestData ): number {
	const first = String( a.filed || a.touched || '' );
	const second = String( b.filed || b.touched || '' );
	return first < second ? -1 : first > second ? 1 : String( a.page ) < String( b.page ) ? -1 : 1;
}

/**
 * The requests' data pages: the main page holds the open requests (oldest filed
 * first) and those closed recently, and what needs attention, and lists the other pages; closed requests go on
 * a page per year they were closed. A list too long for one page goes on over
 * numbered pages (`2025/2.json`). Main page last.
 */
export function renderExport(
	records: RequestRecord[], committee: Committee, config: PlanConfig, now: string, attention: Attention[] = [],
	settings: { revid: number; valid: boolean } = { revid: 0, valid: true },
): Compiled {
	const notes: Attention[] = [];
	const size = ( request: RequestData ): number => elementBytes( request, 2 );
	const partValue = ( closedIn: YearGroup | null, part: number, requests: RequestData[] ): object => ( {
		schema: EXPORT_SCHEMA,
		about: 'Part of the Helpdesk\'s requests: see ' + config.pages.export + '.',
		index: config.pages.export,
		closedIn: closedIn,
		part: part,
		requests: requests,
	} );
	const emptyPart = ( closedIn: YearGroup | null, part: number ): number => byteLength( storedJson( partValue( closedIn, part, [] ) ) );
	const partRoom = ( closedIn: YearGroup | null ) => ( part: number ): number => config.maxPageBytes - emptyPart( closedIn, part ) - 16;
	const tooLarge = ( request: RequestData ): void => {
		notes.push( { page: String( request.page ), code: 'too-large', params: [], reason: 'Its record is larger than ' + sizeLimit( config ) + ': it is left out of the data pages.' } );
	};

	const years: Record<YearGroup, RequestData[]> = {};
	const open: RequestData[] = [];
	records.forEach( ( record ) => {
		const data = requestData( record, committee, config, now );
		if ( archived( record, config, now ) ) {
			const year = yearOf( record.statusSince );
			( years[ year ] = years[ year ] || [] ).push( data );
		} else {
			open.push( data );
		}
	} );
	open.sort( filedOrder );
	const closedParts: ExportPart[] = [];
	Object.keys( years ).sort().forEach( ( year ) => {
		const packed = pack( years[ year ].sort( filedOrder ), size, partRoom( year ) );
		packed.tooLarge.forEach( tooLarge );
		packed.parts.forEach( ( requests, index ) => closedParts.push( { closedIn: year, part: index + 1, requests: requests } ) );
	} );
	const entry = ( page: ExportPart ): ExportIndexEntry => ( {
		title: exportTitle( config.pages, page.closedIn, page.part ), closedIn: page.closedIn, part: page.part,
		requests: page.requests.length,
	} );
	const attentionData = ( list: Attention[] ): object[] => list.map( ( item ) => compact( {
		page: item.page, code: item.code || 'other', params: item.params || [], text: item.reason,
	} ) );
	const mainValue = ( requests: RequestData[], listedPages: ExportPart[], listed: Attention[] ): object => ( {
		schema: EXPORT_SCHEMA, about: EXPORT_ABOUT,
		settings: { page: config.pages.settings, revid: settings.revid, valid: settings.valid },
		requests: requests, attention: attentionData( listed ), pages: listedPages.map( entry ),
	} );
	// What needs attention gets up to a quarter of the main page; the rest is counted.
	const attentionRoom = Math.floor( config.maxPageBytes / 4 );
	let shownAttention = attention;
	const allNotes = (): Attention[] => attention.concat( notes );
	if ( byteLength( storedJson( attentionData( allNotes() ) ) ) > attentionRoom ) {
		shownAttention = pack( attention, ( item ) => elementBytes( attentionData( [ item ] )[ 0 ], 2 ), () => attentionRoom ).parts[ 0 ];
		notes.push( { page: config.pages.export, code: 'attention-cut', params: [ String( attention.length - shownAttention.length ) ],
			reason: 'The list of what needs attention reached a quarter of ' + sizeLimit( config ) + ': ' +
				( attention.length - shownAttention.length ) + ' more are not listed.' } );
	}
	// The main page also lists the other pages, open ones included, which packing tells: pack again with less room until it fits.
	let reserve = 0;
	let openParts: ExportPart[] = [];
	let main = '';
	for ( let attempt = 0; attempt < 8; attempt++ ) {
		const fixed = byteLength( storedJson( mainValue( [], closedParts, shownAttention.concat( notes ) ) ) );
		const mainRoom = Math.max( 0, config.maxPageBytes - fixed - 16 - reserve );
		const packed = pack( open, size, ( part ) => part === 1 ? mainRoom : partRoom( null )( part ) );
		if ( attempt === 0 ) {
			packed.tooLarge.forEach( tooLarge );
		}
		openParts = packed.parts.map( ( requests, index ) => ( { closedIn: null, part: index + 1, requests: requests } ) );
		const listedAttention = shownAttention.concat( notes );
		main = storedJson( mainValue( openParts[ 0 ].requests, openParts.slice( 1 ).concat( closedParts ), listedAttention ) );
		if ( byteLength( main ) <= config.maxPageBytes || mainRoom === 0 ) {
			break;
		}
		reserve += byteLength( main ) - config.maxPageBytes + 256;
	}
	if ( byteLength( main ) > config.maxPageBytes ) {
		// Only with a very small limit: the list of pages itself is too long. List what fits.
		const further = openParts.slice( 1 ).concat( closedParts );
		const listed = pack( further, ( page ) => elementBytes( entry( page ), 2 ),
			() => config.maxPageBytes - byteLength( storedJson( mainValue( openParts[ 0 ].requests, [], [] ) ) ) - 256 ).parts[ 0 ];
		const notListed = further.length - listed.length;
		main = storedJson( Object.assign( mainValue( openParts[ 0 ].requests, listed, [] ), { pagesNotListed: notListed } ) );
		notes.push( { page: config.pages.export, code: 'pages-not-listed', params: [ String( notListed ) ],
			reason: 'The list of the data pages reached ' + sizeLimit( config ) + ': ' + notListed + ' pages are not listed.' } );
	}
	const others = openParts.slice( 1 ).concat( closedParts );
	const pages = others.map( ( page ) => jsonPage( exportTitle( config.pages, page.closedIn, page.part ),
		partValue( page.closedIn, page.part, page.requests ) ) );
	pages.push( Object.assign( generatedPage( config.pages.export, main ), { contentModel: 'json' as const } ) );
	// A view for each year's closed requests and each further page of open ones, made once.
	const views: string[] = [];
	others.forEach( ( page ) => {
		const title = page.closedIn === null ? archiveTitle( config.pages, 'Open', page.part ) : archiveTitle( config.pages, page.closedIn, 1 );
		if ( !views.includes( title ) ) {
			views.push( title );
			pages.push( viewPage( title, page.closedIn === null ? 'table|part=' + page.part : 'archive|year=' + page.closedIn ) );
		}
	} );
	return { pages: pages, attention: notes };
}

// Statistics -------------------------------------------------------------------

function median( values: number[] ): number | null {
	if ( values.length === 0 ) {
		return null;
	}
	const sorted = values.slice().sort( ( a, b ) => a - b );
	const middle = Math.floor( sorted.length / 2 );
	return sorted.length % 2 ? sorted[ middle ] : Math.round( ( sorted[ middle - 1 ] + sorted[ middle ] ) * 5 ) / 10;
}

function fractionalDays( from: string, to: string ): number {
	return Math.round( ( Date.parse( to ) - Date.parse( from ) ) / 8640000 ) / 10;
}

function counted<T>( list: T[], keys: ( item: T ) => string[] ): Record<string, number> {
	const counts: Record<string, number> = {};
	list.forEach( ( item ) => keys( item ).forEach( ( key ) => {
		counts[ key ] = ( counts[ key ] || 0 ) + 1;
	} ) );
	return counts;
}

/** The statistics' numbers: statuses as the sign-offs bear them out, an unknown status as "unknown". */
export function renderStatistics( records: RequestRecord[], committee: Committee, config: PlanConfig ): GeneratedPage {
	const valid = records.filter( ( record ) => !record.problem );
	const statusOf = ( record: RequestRecord ): string => record.statusUnknown !== '' ? 'unknown' : record.proven;
	const days = ( list: RequestRecord[], to: ( record: RequestRecord ) => string ): number[] => list
		.map( ( record ) => [ record.filed, to( record ) ] ).filter( ( [ filed, time ] ) => filed !== '' && time !== '' && time >= filed )
		.map( ( [ filed, time ] ) => fractionalDays( filed, time ) );
	const firstFeedback = ( list: RequestRecord[] ): number[] => days( list, ( record ) => firstResponse( record, committee ) );
	const decision = ( list: RequestRecord[] ): number[] => days( list, finalDecision );
	const years: Record<string, RequestRecord[]> = {};
	valid.forEach( ( record ) => {
		const year = record.filed.slice( 0, 4 ) || 'undated';
		( years[ year ] = years[ year ] || [] ).push( record );
	} );
	const ever = ( list: RequestRecord[], statuses: Status[] ): number => list.filter( ( record ) => statuses.includes( record.proven ) &&
		record.statusUnknown === '' ).length;
	return jsonPage( config.pages.statisticsData, {
		schema: STATISTICS_SCHEMA,
		about: 'The numbers of the Helpdesk\'s statistics, compiled by the Helpdesk bot and shown by Module:Helpdesk views.',
		total: valid.length,
		unreadable: records.length - valid.length,
		byStatus: counted( valid, ( record ) => [ statusOf( record ) ] ),
		byContinent: counted( valid, ( record ) => [ continentOf( record.country ) || 'unknown' ] ),
		byCountry: counted( valid, ( record ) => [ record.country ] ),
		bySupport: counted( valid, ( record ) => record.support ),
		responseDays: {
			firstFeedback: { median: median( firstFeedback( valid ) ), count: firstFeedback( valid ).length },
			decision: { median: median( decision( valid ) ), count: decision( valid ).length },
		},
		years: Object.keys( years ).sort().map( ( year ) => {
			const list = years[ year ];
			return {
				year: year,
				filed: list.length,
				countries: Object.keys( counted( list, ( record ) => record.country ? [ record.country ] : [] ) ).length,
				continents: Object.keys( counted( list, ( record ) => [ continentOf( record.country ) || '' ].filter( Boolean ) ) ).length,
				approved: ever( list, [ 'approved', 'support-under-way', 'done' ] ),
				declined: ever( list, [ 'declined' ] ),
				withdrawn: ever( list, [ 'withdrawn' ] ),
				firstFeedbackMedian: median( firstFeedback( list ) ),
				decisionMedian: median( decision( list ) ),
			};
		} ),
		verdicts: verdictsByYear( valid ),
	} );
}

// Agenda -----------------------------------------------------------------------

/**
 * The largest agenda, in bytes of data: about 400 requests, as many as the wiki
 * renders on one page well within its limits (output, Lua memory). The oldest are
 * on it; the others are counted and stay on the request table.
 */
export const AGENDA_MAX_BYTES = 500000;

/** What the committee must decide on a request, or '' when it does not await the committee. */
export function decisionNeeded( record: RequestRecord ): string {
	if ( record.problem ) {
		return '';
	}
	if ( record.statusUnknown !== '' ) {
		return 'status-unknown';
	}
	if ( record.proven !== record.status ) {
		return 'confirm-status';
	}
	if ( WAITING_ON[ record.status ] !== 'committee' ) {
		return '';
	}
	return record.status === 'awaiting-final-go' ? 'final-go' : 'initial-feedback';
}

/**
 * The agenda of the next meeting (the first meeting date of the settings from
 * today on): every request awaiting the committee, the longest waiting first, with
 * its summary and feedback; what was decided since the previous meeting; what is
 * overdue. Null when the settings name no meeting ahead. Past meetings' agendas
 * are never compiled again: each stays as its own page.
 */
export function renderAgenda(
	records: RequestRecord[], committee: Committee, config: PlanConfig, now: string, attention: Attention[] = [], hints: RoutingHint[] = [],
): GeneratedPage[] {
	const meeting = nextMeeting( config.process, now.slice( 0, 10 ) );
	if ( meeting === null ) {
		return [];
	}
	const previous = previousMeeting( config.process, meeting );
	const waitingSince = ( record: RequestRecord ): string => record.statusSince || record.filed;
	const waiting = records.filter( ( record ) => decisionNeeded( record ) !== '' ).sort( ( a, b ) => {
		if ( waitingSince( a ) !== waitingSince( b ) ) {
			return waitingSince( a ) < waitingSince( b ) ? -1 : 1;
		}
		return a.page < b.page ? -1 : 1;
	} );
	const decided = records.filter( ( record ) => !record.problem && record.statusUnknown === '' && record.proven === record.status &&
		[ 'approved', 'declined', 'withdrawn', 'done' ].includes( record.status ) && ( previous === null || record.statusSince.slice( 0, 10 ) > previous ) &&
		record.statusSince <= now );
	const overdue = records.filter( ( record ) => isOverdue( record, config, now ) && WAITING_ON[ record.status ] !== 'committee' );
	const entries = waiting.map( ( record ) => {
		const hint = hints.find( ( candidate ) => candidate.page === record.page );
		return Object.assign( requestData( record, committee, config, now ), { decide: decisionNeeded( record ) },
			hint ? { routing: hintData( hint ) } : {} );
	} );
	const value = ( requests: RequestData[] ): object => ( {
		schema: AGENDA_SCHEMA,
		about: 'The agenda of the Expert Committee\'s meeting of ' + meeting + ', compiled by the Helpdesk bot until that day and shown by Module:Helpdesk views.',
		meeting: meeting,
		previous: previous,
		requests: requests,
		decided: decided.map( ( record ) => ( { page: record.page, title: record.title, status: record.status, at: record.statusSince } ) ),
		overdue: overdue.map( ( record ) => ( {
			page: record.page, title: record.title, status: record.status, waitingOn: WAITING_ON[ record.status ],
			since: record.statusSince, reminderDays: reminderDays( config.process, record.status ),
		} ) ),
	} );
	const title = agendaTitle( config.pages, meeting );
	const room = Math.min( config.maxPageBytes, AGENDA_MAX_BYTES ) - byteLength( storedJson( value( [] ) ) ) - 256;
	const shown = pack( entries, ( entry ) => elementBytes( entry, 2 ), () => room ).parts[ 0 ];
	if ( shown.length < entries.length ) {
		attention.push( { page: title, code: 'agenda-cut', params: [ String( entries.length - shown.length ) ],
			reason: 'The agenda reached ' + sizeLimit( config ) + ': ' + ( entries.length - shown.length ) + ' requests are not on it.' } );
	}
	const notShown = entries.length - shown.length;
	const agenda = notShown > 0 ? Object.assign( value( shown ), { notShown: notShown } ) : value( shown );
	return [
		jsonPage( title, agenda ),
		viewPage( title.replace( /\.json$/, '' ), 'agenda|meeting=' + meeting ),
	];
}

// Routing hints -----------------------------------------------------------------

/**
 * The routing hints of the requests awaiting the committee, by page, which
 * Module:Helpdesk request shows on each request page. The requests waiting longest
 * are kept when the page would pass the size limit; the others are counted.
 */
export function renderRouting( hints: RoutingHint[], config: PlanConfig, attention: Attention[] = [] ): GeneratedPage {
	const value = ( listed: RoutingHint[], notShown: number ): object => {
		const requests: Record<string, unknown> = {};
		listed.slice().sort( ( a, b ) => a.page < b.page ? -1 : a.page > b.page ? 1 : 0 ).forEach( ( hint ) => {
			requests[ hint.page ] = hintData( hint );
		} );
		return Object.assign( {
			schema: ROUTING_SCHEMA,
			about: 'Who could help with each request awaiting the Expert Committee, suggested by the Helpdesk bot from ' + config.pages.volunteers +
				' and the working groups\' areas in ' + config.pages.settings + '; shown on the request pages by Module:Helpdesk request. Nobody is notified.',
			volunteers: config.pages.volunteers,
			requests: requests,
		}, notShown ? { notShown: notShown } : {} );
	};
	const room = config.maxPageBytes - byteLength( storedJson( value( [], hints.length ) ) ) - 256;
	const shown = pack( hints, ( hint ) => elementBytes( { [ hint.page ]: hintData( hint ) }, 2 ), () => room ).parts[ 0 ] || [];
	if ( shown.length < hints.length ) {
		attention.push( { page: config.pages.routing, code: 'routing-cut', params: [ String( hints.length - shown.length ) ],
			reason: 'The routing hints reached ' + sizeLimit( config ) + ': ' + ( hints.length - shown.length ) + ' requests have none.' } );
	}
	return jsonPage( config.pages.routing, value( shown, hints.length - shown.length ) );
}

/** An obsolete page of the bot's (a data page no longer needed), emptied with a pointer. */
export function obsoletePage( config: PlanConfig, title: string ): GeneratedPage {
	return jsonPage( title, { schema: EXPORT_SCHEMA, about: 'No longer used: see ' + config.pages.export + '.', index: config.pages.export, requests: [] } );
}

/** The export's main page read back, or null if it is not of this schema. */
export function readExportPage( text: string ): { requests: RequestData[]; pages: ExportIndexEntry[]; attention: RequestData[] } | null {
	try {
		const value = JSON.parse( text );
		if ( value && value.schema === EXPORT_SCHEMA && Array.isArray( value.requests ) && Array.isArray( value.pages ) ) {
			return { requests: value.requests, pages: value.pages, attention: value.attention || [] };
		}
	} catch {
		// Not JSON: not ours.
	}
	return null;
}

/** The requests on one of the export's other pages, or null if it is not one. */
export function readExportPart( text: string, index: string ): RequestData[] | null {
	try {
		const value = JSON.parse( text );
		if ( value && value.schema === EXPORT_SCHEMA && value.index === index && Array.isArray( value.requests ) ) {
			return value.requests;
		}
	} catch {
		// Not JSON: not ours.
	}
	return null;
}
