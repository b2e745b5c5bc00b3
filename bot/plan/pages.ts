/**
 * The pages the bot compiles: the request table (with the requests needing
 * attention, and yearly archive pages), the statistics, the committee's agenda and
 * the JSON export (open requests on its main page, closed ones on yearly pages).
 * Their text depends only on the records, the committee and the day's thresholds,
 * so an unchanged Helpdesk gives byte-identical pages and no edit. No page grows
 * past `maxPageBytes`: lists go on over numbered pages, or are cut with a note and
 * a needs-attention entry.
 */
import { continentOf, countryName } from '../../shared/countries';
import { SUPPORT_KINDS } from '../../shared/request';
import { isClosed, Status, STATUSES, WAITING_ON } from '../../shared/status';
import { daysBetween, shortened } from '../../shared/wikitext';
import type { PlanConfig } from '../config';
import { countedSignOffs, signOffProblem, tally } from './committee';
import { byteLength, elementBytes, pack, storedJson } from './json-page';
import { archiveTitle, exportTitle, YearGroup, yearOf } from './names';
import { escapeText, pageLink, userLink } from './request-page';
import { sha1 } from './sha1';
import type { Attention, Committee, ExportedRequest, GeneratedPage, RequestRecord } from './types';

/**
 * The layout of the compiled pages. Raise it when their layout changes, so that the
 * first run of the new bot compiles them again instead of waiting for a change.
 */
export const COMPILED_PAGES_LAYOUT = 3;

/** Module:Helpdesk request, which gives the labels of the request's codes. */
const LABELS_MODULE = 'Helpdesk request';

const HEADER = '<!-- Compiled by the Helpdesk bot from the request pages: edits here are overwritten. -->\n';

/** The text as MediaWiki stores it (NFC, no trailing whitespace), and its SHA-1. */
export function generatedPage( title: string, text: string ): GeneratedPage {
	const stored = text.normalize( 'NFC' ).replace( /\s+$/, '' );
	return { title: title, text: stored, sha1: sha1( stored ) };
}

function jsonPage( title: string, value: unknown ): GeneratedPage {
	return Object.assign( generatedPage( title, storedJson( value ) ), { contentModel: 'json' as const } );
}

/** Some compiled pages, and what the size limit kept off them. */
export interface Compiled {
	pages: GeneratedPage[];
	attention: Attention[];
}

/** The lines that fit in `room` bytes (one newline each), in order; a line too long is passed over. */
function fit( lines: string[], room: number ): { shown: string[]; left: number } {
	let used = 0;
	const shown: string[] = [];
	for ( const line of lines ) {
		const bytes = byteLength( line ) + 1;
		if ( used + bytes <= room ) {
			shown.push( line );
			used += bytes;
		}
	}
	return { shown: shown, left: lines.length - shown.length };
}

function bytesOf( lines: string[] ): number {
	return lines.reduce( ( sum, line ) => sum + byteLength( line ) + 1, 0 );
}

function thousands( value: number ): string {
	return value.toLocaleString( 'en-US' );
}

function sizeLimit( config: PlanConfig ): string {
	return 'the size limit of ' + thousands( config.maxPageBytes ) + ' bytes';
}

/** Room kept on each page for its notes about what it cannot show. */
const NOTE_ROOM = 1000;

/**
 * The last guard: a page still over the limit is cut at a line and says so. Only a
 * page whose fixed parts alone are too large gets here.
 */
function withinLimit( page: GeneratedPage, config: PlanConfig, attention: Attention[] ): GeneratedPage {
	if ( byteLength( page.text ) <= config.maxPageBytes ) {
		return page;
	}
	const lines: string[] = [];
	let used = 0;
	for ( const line of page.text.split( '\n' ) ) {
		used += byteLength( line ) + 1;
		if ( used > config.maxPageBytes - NOTE_ROOM ) {
			break;
		}
		lines.push( line );
	}
	attention.push( { page: page.title, reason: 'The page reached ' + sizeLimit( config ) + ' and was cut short.' } );
	return generatedPage( page.title, lines.join( '\n' ) + "\n\n''The rest of this page is not shown: it reached " + sizeLimit( config ) + ".''" );
}

function cell( text: string ): string {
	return text === '' ? '' : escapeText( text, false );
}

/** A table cell line: `| text`, or a bare `|` when empty. */
function column( text: string ): string {
	return text === '' ? '|' : '| ' + text;
}

function unix( timestamp: string ): number {
	return Math.floor( Date.parse( timestamp ) / 1000 );
}

/** Days in the current stage, computed when the page is shown so the text stays the same. */
function ageCell( since: string ): string {
	if ( since === '' || isNaN( Date.parse( since ) ) ) {
		return '| data-sort-value="0" | –';
	}
	return '| data-sort-value="' + ( -unix( since ) ) + '" | {{#expr: floor(({{#time:U}} - ' + unix( since ) + ') / 86400)}} d';
}

function statusOrder( status: Status ): number {
	return STATUSES.indexOf( status );
}

/** Labels of kinds of support come from the request template's module, as on the request pages. */
function supportLabels( codes: readonly string[] ): string {
	return codes.length ? '{{#invoke:' + LABELS_MODULE + '|labels|support|' + codes.join( ', ' ) + '}}' : '';
}

function supportText( record: RequestRecord ): string {
	return supportLabels( record.support );
}

function requestLink( record: RequestRecord ): string {
	return pageLink( record.page, record.title || record.page.slice( record.page.lastIndexOf( '/' ) + 1 ) );
}

/** Short flags for the table and the export; our own words, safe as wikitext. */
export function flagsOf( record: RequestRecord, committee: Committee, config: PlanConfig, now: string ): string[] {
	const flags: string[] = [];
	if ( record.problem ) {
		return [ 'unreadable' ];
	}
	const threshold = config.thresholds[ record.status ];
	if ( threshold && record.statusSince && !isClosed( record.status ) && daysBetween( record.statusSince, now ) >= threshold ) {
		flags.push( 'overdue: ' + WAITING_ON[ record.status ] );
	}
	if ( record.signOffs.some( ( signOff ) => signOffProblem( signOff, committee ) !== '' ) ) {
		flags.push( 'sign-off not counted' );
	}
	if ( record.attention.length ) {
		flags.push( 'check fields' );
	}
	if ( record.botsDenied ) {
		flags.push( 'nobots' );
	}
	return flags;
}

function tallyCell( record: RequestRecord, committee: Committee ): string {
	if ( record.problem || ( record.signOffs.length === 0 && WAITING_ON[ record.status ] !== 'committee' ) ) {
		return '| data-sort-value="-1" |';
	}
	const counts = tally( record.signOffs, committee );
	return '| data-sort-value="' + ( counts.finalGoYes * 100 + counts.feedback ) + '" | feedback ' + counts.feedback + '/' + counts.members +
		', go ' + counts.finalGoYes + '/' + counts.members + ( counts.finalGoNo ? ' (' + counts.finalGoNo + ' no)' : '' );
}

function archived( record: RequestRecord, config: PlanConfig, now: string ): boolean {
	return !record.problem && isClosed( record.status ) && record.statusSince !== '' &&
		daysBetween( record.statusSince, now ) > config.archiveAfterDays;
}

const TABLE_HEAD = '{| class="wikitable sortable"\n' +
	'! Request !! Requester !! Affiliate !! Country !! Kinds of support !! Status !! Time in stage !! Last activity !! Committee !! Flags';
const ARCHIVE_HEAD = '{| class="wikitable sortable"\n! Request !! Requester !! Country !! Kinds of support !! Status !! Filed !! Closed';

function tableRow( record: RequestRecord, committee: Committee, config: PlanConfig, now: string ): string {
	const flags = flagsOf( record, committee, config, now );
	if ( record.problem ) {
		return [ '|-', '| ' + requestLink( record ), '|', '|', '|', '|', '| data-sort-value="-1" | unreadable', '| data-sort-value="0" | –',
			'| ' + record.touched.slice( 0, 10 ), '| data-sort-value="-1" |', column( flags.join( ', ' ) ) ].join( '\n' );
	}
	return [
		'|-',
		'| ' + requestLink( record ),
		'| ' + userLink( config, record.requester ),
		column( cell( record.individual ? 'individual volunteer' : record.affiliate ) ),
		column( cell( record.country ? countryName( record.country ) : '' ) ),
		column( supportText( record ) ),
		'| data-sort-value="' + statusOrder( record.status ) + '" | {{' + config.templates.statusBadge + '|' + record.status + '}}',
		isClosed( record.status ) ? '| data-sort-value="0" | –' : ageCell( record.statusSince ),
		'| ' + record.touched.slice( 0, 10 ),
		tallyCell( record, committee ),
		column( flags.join( ', ' ) ),
	].join( '\n' );
}

function archiveRow( record: RequestRecord, config: PlanConfig ): string {
	return [
		'|-',
		'| ' + requestLink( record ),
		'| ' + userLink( config, record.requester ),
		column( cell( record.country ? countryName( record.country ) : '' ) ),
		column( supportText( record ) ),
		'| data-sort-value="' + statusOrder( record.status ) + '" | {{' + config.templates.statusBadge + '|' + record.status + '}}',
		'| ' + record.filed.slice( 0, 10 ),
		'| ' + record.statusSince.slice( 0, 10 ),
	].join( '\n' );
}

interface ArchivePage {
	year: YearGroup;
	part: number;
	title: string;
	rows: string[];
}

/** Closed requests, by the year they were closed, newest year first, on pages of at most the size limit. */
function archivePages(
	records: RequestRecord[], config: PlanConfig, now: string, attention: Attention[],
): { pages: GeneratedPage[]; index: ArchivePage[] } {
	const years: Record<YearGroup, RequestRecord[]> = {};
	records.filter( ( record ) => archived( record, config, now ) ).forEach( ( record ) => {
		const year = yearOf( record.statusSince );
		( years[ year ] = years[ year ] || [] ).push( record );
	} );
	const intro = ( year: YearGroup, part: number, parts: number ): string => HEADER + 'Requests closed in ' + year +
		', more than ' + config.archiveAfterDays + ' days ago' + ( parts > 1 ? ' (part ' + part + ' of ' + parts + ')' : '' ) +
		'. The open requests are on [[' + config.pages.table + ']].\n\n' + ARCHIVE_HEAD;
	const index: ArchivePage[] = [];
	for ( const year of Object.keys( years ).sort().reverse() ) {
		const room = config.maxPageBytes - byteLength( intro( year, 999999, 999999 ) ) - NOTE_ROOM;
		const rows = years[ year ].map( ( record ) => ( { record: record, row: archiveRow( record, config ) } ) );
		const packed = pack( rows, ( entry ) => byteLength( entry.row ) + 1, () => room );
		packed.tooLarge.forEach( ( entry ) => attention.push( {
			page: entry.record.page, reason: 'Its row is larger than ' + sizeLimit( config ) + ': it is not listed in the archive.',
		} ) );
		packed.parts.forEach( ( part, i ) => index.push( {
			year: year, part: i + 1, title: archiveTitle( config.pages, year, i + 1 ), rows: part.map( ( entry ) => entry.row ),
		} ) );
	}
	const pages = index.map( ( page ) => {
		const parts = index.filter( ( other ) => other.year === page.year ).length;
		return generatedPage( page.title, [ intro( page.year, page.part, parts ) ].concat( page.rows, [ '|}' ] ).join( '\n' ) );
	} );
	return { pages: pages, index: index };
}

/**
 * The request table (open requests and those closed recently, the requests
 * needing attention, links to the archive) and its yearly archive pages, the
 * table last. `notes` are what other compiled pages could not show.
 */
export function renderTable(
	records: RequestRecord[], committee: Committee, config: PlanConfig, now: string, notes: Attention[] = [],
): Compiled {
	const attention: Attention[] = [];
	const archive = archivePages( records, config, now, attention );
	const rows = records.filter( ( record ) => !archived( record, config, now ) )
		.map( ( record ) => tableRow( record, committee, config, now ) );
	const attentionLines = needsAttentionList( records, committee, config ).concat(
		notes.concat( attention ).map( ( note ) => '* [[' + note.page + ']]: ' + cell( note.reason ) ) );
	const archiveLines = archive.index.length === 0 ? [] : [ '', '== Archive ==',
		'Requests closed more than ' + config.archiveAfterDays + ' days ago, by the year they were closed:' ].concat(
		archive.index.map( ( page ) => '* [[' + page.title + '|' + page.year + ( page.part > 1 ? ', part ' + page.part : '' ) + ']]: ' +
			page.rows.length + ( page.rows.length === 1 ? ' request' : ' requests' ) ) );
	const head = [ HEADER + TABLE_HEAD ];
	const middle = [ '|}', '', '== Requests needing attention ==' ];
	// The requests needing attention get up to a quarter of the room, the table the rest.
	const room = config.maxPageBytes - bytesOf( head.concat( middle, archiveLines ) ) - 2 * NOTE_ROOM;
	const shownAttention = fit( attentionLines, Math.max( 0, Math.floor( room / 4 ) ) );
	const shownRows = fit( rows, room - bytesOf( shownAttention.shown ) );
	const parts = head.concat( shownRows.shown );
	parts.push( '|}' );
	if ( shownRows.left ) {
		parts.push( "''" + shownRows.left + ' more requests are not shown: the table reached ' + sizeLimit( config ) +
			'. Every request is in the JSON export, [[' + config.pages.export + "]].''" );
		attention.push( { page: config.pages.table, reason: 'The table reached ' + sizeLimit( config ) + ': ' + shownRows.left + ' requests are not shown on it.' } );
	}
	parts.push( '', '== Requests needing attention ==' );
	parts.push( ...( shownAttention.shown.length ? shownAttention.shown : [ 'None.' ] ) );
	if ( shownAttention.left ) {
		parts.push( "* ''… and " + shownAttention.left + ' more, not shown: the list reached a quarter of ' + sizeLimit( config ) + ".''" );
		attention.push( { page: config.pages.table, reason: 'The list of requests needing attention was cut short: ' + shownAttention.left + ' more are not shown.' } );
	}
	parts.push( ...archiveLines );
	const table = withinLimit( generatedPage( config.pages.table, parts.join( '\n' ) ), config, attention );
	return { pages: archive.pages.concat( [ table ] ), attention: attention };
}

/** Why a request needs a person's attention, in English, each reason shortened. */
export function recordReasons( record: RequestRecord, committee: Committee ): string[] {
	const reasons = record.problem ? [ record.problem ] : ( record.botsDenied ?
		[ 'The page shuts the bot out ({{nobots}} or {{bots}}): no notices or status updates.' ] : [] ).concat(
		record.attention,
		record.signOffs.map( ( signOff ) => signOffProblem( signOff, committee ) ).filter( ( reason ) => reason !== '' ),
		record.notices.filter( ( notice ) => notice.none.length > 0 ).map( ( notice ) => 'Not told (' + notice.key.split( ':' )[ 0 ] +
			'): no account on this wiki for ' + notice.none.join( ', ' ) + '.' ),
	);
	return reasons.map( ( reason ) => shortened( reason, 300 ) );
}

function needsAttentionList( records: RequestRecord[], committee: Committee, config: PlanConfig ): string[] {
	const lines: string[] = [];
	committee.problems.forEach( ( problem ) => lines.push( '* [[' + config.pages.committee + ']]: ' + cell( shortened( problem, 300 ) ) ) );
	records.forEach( ( record ) => {
		recordReasons( record, committee ).forEach( ( reason ) => lines.push( '* ' + requestLink( record ) + ': ' + cell( reason ) ) );
	} );
	return lines;
}

// Statistics -------------------------------------------------------------------

function median( values: number[] ): number | null {
	if ( values.length === 0 ) {
		return null;
	}
	const sorted = values.slice().sort( ( a, b ) => a - b );
	const middle = Math.floor( sorted.length / 2 );
	return sorted.length % 2 ? sorted[ middle ] : ( sorted[ middle - 1 ] + sorted[ middle ] ) / 2;
}

function fractionalDays( from: string, to: string ): number {
	return Math.round( ( Date.parse( to ) - Date.parse( from ) ) / 8640000 ) / 10;
}

/** When the committee first responded: a counted sign-off or the status leaving `submitted`. */
export function firstResponse( record: RequestRecord, committee: Committee ): string {
	const times = countedSignOffs( record.signOffs, committee ).map( ( signOff ) => signOff.timestamp )
		.concat( record.statusHistory.filter( ( entry ) => entry.status !== 'submitted' ).map( ( entry ) => entry.since ) );
	if ( record.status !== 'submitted' && record.statusHistory.length === 0 && record.statusSince ) {
		times.push( record.statusSince );
	}
	return times.filter( ( time ) => time !== '' && record.filed !== '' && time >= record.filed ).sort()[ 0 ] || '';
}

/** When the committee decided: the status first became approved or declined. */
export function finalDecision( record: RequestRecord ): string {
	const decided = record.statusHistory.filter( ( entry ) => entry.status === 'approved' || entry.status === 'declined' );
	if ( decided.length ) {
		return decided[ 0 ].since;
	}
	return ( record.status === 'approved' || record.status === 'declined' ) ? record.statusSince : '';
}

function countTable( heading: string, label: string, counts: [ string, number ][] ): string[] {
	const rows = counts.map( ( [ name, count ] ) => '|-\n| ' + name + ' || ' + count );
	return [ '', '== ' + heading + ' ==', '{| class="wikitable sortable"', '! ' + label + ' !! Requests' ].concat( rows, [ '|}' ] );
}

function tallied( records: RequestRecord[], keys: ( record: RequestRecord ) => string[] ): Record<string, number> {
	const counts: Record<string, number> = {};
	records.forEach( ( record ) => keys( record ).forEach( ( key ) => {
		counts[ key ] = ( counts[ key ] || 0 ) + 1;
	} ) );
	return counts;
}

function byCount( counts: Record<string, number>, name: ( key: string ) => string ): [ string, number ][] {
	return Object.keys( counts ).sort( ( a, b ) => counts[ b ] - counts[ a ] || ( name( a ) < name( b ) ? -1 : 1 ) )
		.map( ( key ) => [ name( key ), counts[ key ] ] as [ string, number ] );
}

function medianText( values: number[] ): string {
	const value = median( values );
	return value === null ? '–' : String( value );
}

export function renderStatistics(
	records: RequestRecord[], committee: Committee, config: PlanConfig, attention: Attention[] = [],
): GeneratedPage {
	const valid = records.filter( ( record ) => !record.problem );
	const parts: string[] = [ HEADER + 'Statistics of the ' + valid.length + ' requests to the Helpdesk' +
		( records.length > valid.length ? ' (' + ( records.length - valid.length ) + ' more could not be read)' : '' ) + '.' ];
	const byStatus = tallied( valid, ( record ) => [ record.status ] );
	parts.push( ...countTable( 'By status', 'Status', STATUSES.filter( ( status ) => byStatus[ status ] )
		.map( ( status ) => [ '{{' + config.templates.statusBadge + '|' + status + '}}', byStatus[ status ] ] as [ string, number ] ) ) );
	parts.push( ...countTable( 'By country', 'Country', byCount( tallied( valid, ( record ) => [ record.country || '?' ] ),
		( code ) => code === '?' ? 'not given' : cell( countryName( code ) ) ) ) );
	parts.push( ...countTable( 'By continent', 'Continent', byCount( tallied( valid, ( record ) => [ continentOf( record.country ) || 'unknown' ] ),
		( continent ) => continent.replace( /-/g, ' ' ).replace( /^./, ( first ) => first.toUpperCase() ) ) ) );
	const bySupport = tallied( valid, ( record ) => record.support );
	parts.push( ...countTable( 'By kind of support', 'Kind of support', SUPPORT_KINDS.filter( ( kind ) => bySupport[ kind ] )
		.map( ( kind ) => [ supportLabels( [ kind ] ), bySupport[ kind ] ] as [ string, number ] ) ) );

	const responseDays = ( list: RequestRecord[] ): number[] => list
		.map( ( record ) => [ record.filed, firstResponse( record, committee ) ] )
		.filter( ( [ filed, response ] ) => filed && response ).map( ( [ filed, response ] ) => fractionalDays( filed, response ) );
	const decisionDays = ( list: RequestRecord[] ): number[] => list.map( ( record ) => [ record.filed, finalDecision( record ) ] )
		.filter( ( [ filed, decision ] ) => filed && decision ).map( ( [ filed, decision ] ) => fractionalDays( filed, decision ) );
	parts.push( '', '== Response times ==', '{| class="wikitable"', '! !! Median days !! Requests measured',
		'|-\n| Filing to the committee\'s first response || ' + medianText( responseDays( valid ) ) + ' || ' + responseDays( valid ).length,
		'|-\n| Filing to the final decision || ' + medianText( decisionDays( valid ) ) + ' || ' + decisionDays( valid ).length, '|}' );

	const years: Record<string, RequestRecord[]> = {};
	valid.forEach( ( record ) => {
		const year = record.filed.slice( 0, 4 ) || '?';
		( years[ year ] = years[ year ] || [] ).push( record );
	} );
	parts.push( '', '== Per year ==', '{| class="wikitable sortable"',
		'! Year !! Filed !! Approved !! Declined !! Withdrawn !! Countries !! Median days to first response !! Median days to decision' );
	Object.keys( years ).sort().forEach( ( year ) => {
		const list = years[ year ];
		const count = ( statuses: Status[] ): number => list.filter( ( record ) => statuses.includes( record.status ) ).length;
		const countries = Object.keys( tallied( list, ( record ) => record.country ? [ record.country ] : [] ) ).length;
		parts.push( '|-\n| ' + year + ' || ' + list.length + ' || ' + count( [ 'approved', 'support-under-way', 'done' ] ) + ' || ' +
			count( [ 'declined' ] ) + ' || ' + count( [ 'withdrawn' ] ) + ' || ' + countries + ' || ' + medianText( responseDays( list ) ) +
			' || ' + medianText( decisionDays( list ) ) );
	} );
	parts.push( '|}' );
	return withinLimit( generatedPage( config.pages.statistics, parts.join( '\n' ) ), config, attention );
}

// Agenda -----------------------------------------------------------------------

export function renderAgenda(
	records: RequestRecord[], committee: Committee, config: PlanConfig, now: string, attention: Attention[] = [],
): GeneratedPage {
	const waiting = records.filter( ( record ) => !record.problem && WAITING_ON[ record.status ] === 'committee' )
		.sort( ( a, b ) => ( a.statusSince || a.filed ) < ( b.statusSince || b.filed ) ? -1 :
			( a.statusSince || a.filed ) > ( b.statusSince || b.filed ) ? 1 : a.page < b.page ? -1 : 1 );
	const parts = [ HEADER + 'Every request awaiting the Expert Committee, the longest waiting first: the agenda of the next monthly meeting.' ];
	if ( waiting.length === 0 ) {
		parts.push( '', 'No request awaits the committee.' );
	} else {
		parts.push( '', '{| class="wikitable"', '! # !! Request !! Requester !! Country !! Awaiting !! Waiting since !! Days !! Committee !! Flags' );
		const rows = waiting.map( ( record, index ) => {
			const counts = tally( record.signOffs, committee );
			return [
				'|-',
				'| ' + ( index + 1 ),
				'| ' + requestLink( record ),
				'| ' + userLink( config, record.requester ),
				column( cell( record.country ? countryName( record.country ) : '' ) ),
				'| ' + ( record.status === 'awaiting-final-go' ? 'final go' : 'initial feedback' ),
				'| ' + ( record.statusSince || record.filed ).slice( 0, 10 ),
				ageCell( record.statusSince || record.filed ).replace( /^\| data-sort-value="[^"]*" /, '' ),
				'| feedback ' + counts.feedback + '/' + counts.members + ', go ' + counts.finalGoYes + '/' + counts.members +
					( counts.finalGoNo ? ' (' + counts.finalGoNo + ' no)' : '' ),
				column( flagsOf( record, committee, config, now ).join( ', ' ) ),
			].join( '\n' );
		} );
		const shown = fit( rows, config.maxPageBytes - bytesOf( parts ) - NOTE_ROOM );
		parts.push( ...shown.shown, '|}' );
		if ( shown.left ) {
			parts.push( "''" + shown.left + ' more requests awaiting the committee are not shown: the agenda reached ' + sizeLimit( config ) + ".''" );
			attention.push( { page: config.pages.agenda, reason: 'The agenda reached ' + sizeLimit( config ) + ': ' + shown.left + ' requests are not shown on it.' } );
		}
	}
	return withinLimit( generatedPage( config.pages.agenda, parts.join( '\n' ) ), config, attention );
}

// Export -----------------------------------------------------------------------

export const EXPORT_SCHEMA = 2;

/** One of the export's other pages, as its main page lists them. */
export interface ExportIndexEntry {
	title: string;
	/** The year the requests on it were closed; null for open requests. */
	closedIn: YearGroup | null;
	part: number;
	requests: number;
}

export function exportedRequest( record: RequestRecord, committee: Committee, config: PlanConfig, now: string ): ExportedRequest {
	return Object.assign( {}, record, {
		continent: continentOf( record.country ) || '',
		tally: tally( record.signOffs, committee ),
		flags: flagsOf( record, committee, config, now ),
	} );
}

/** A page of the export other than the main one, before it is written. */
interface ExportPart {
	closedIn: YearGroup | null;
	part: number;
	requests: ExportedRequest[];
}

const EXPORT_ABOUT = 'Requests to the Content Partnerships Hub Helpdesk, compiled by the Helpdesk bot from the request pages. ' +
	'This page holds the open requests; "pages" lists the others: open requests that did not fit here, and closed requests by the year they were closed.';

/**
 * The JSON export: the main page holds the open requests and lists the other
 * pages; closed requests go on a page per year they were closed. A list too long
 * for one page goes on over numbered pages (`2025/2.json`). Main page last.
 */
export function renderExport( records: RequestRecord[], committee: Committee, config: PlanConfig, now: string ): Compiled {
	const attention: Attention[] = [];
	const exported = records.map( ( record ) => exportedRequest( record, committee, config, now ) );
	const size = ( request: ExportedRequest ): number => elementBytes( request, 2 );
	const partValue = ( closedIn: YearGroup | null, part: number, requests: ExportedRequest[] ): object => ( {
		schema: EXPORT_SCHEMA,
		about: 'Part of the Helpdesk\'s JSON export: see ' + config.pages.export + '.',
		index: config.pages.export,
		closedIn: closedIn,
		part: part,
		requests: requests,
	} );
	// Room on a page for its requests: the page less the rest of it.
	const emptyPart = ( closedIn: YearGroup | null, part: number ): number => byteLength( storedJson( partValue( closedIn, part, [] ) ) );
	const partRoom = ( closedIn: YearGroup | null ) => ( part: number ): number => config.maxPageBytes - emptyPart( closedIn, part ) - 16;
	const tooLarge = ( request: ExportedRequest ): void => {
		attention.push( { page: request.page, reason: 'Its record is larger than ' + sizeLimit( config ) + ': it is left out of the JSON export.' } );
	};

	const years: Record<YearGroup, ExportedRequest[]> = {};
	exported.filter( ( request ) => isClosed( request.status ) && !request.problem ).forEach( ( request ) => {
		const year = yearOf( request.statusSince );
		( years[ year ] = years[ year ] || [] ).push( request );
	} );
	const closedParts: ExportPart[] = [];
	Object.keys( years ).sort().forEach( ( year ) => {
		const packed = pack( years[ year ], size, partRoom( year ) );
		packed.tooLarge.forEach( tooLarge );
		packed.parts.forEach( ( requests, index ) => closedParts.push( { closedIn: year, part: index + 1, requests: requests } ) );
	} );
	const open = exported.filter( ( request ) => !isClosed( request.status ) || request.problem );
	const entry = ( page: ExportPart ): ExportIndexEntry => ( {
		title: exportTitle( config.pages, page.closedIn, page.part ), closedIn: page.closedIn, part: page.part,
		requests: page.requests.length,
	} );
	const mainValue = ( requests: ExportedRequest[], others: ExportPart[] ): object => ( {
		schema: EXPORT_SCHEMA, about: EXPORT_ABOUT, requests: requests, pages: others.map( entry ),
	} );
	// The main page also lists the other pages, open ones included, which packing tells: pack again with less room until it fits.
	let reserve = 0;
	let openParts: ExportPart[] = [];
	let main = '';
	for ( let attempt = 0; attempt < 8; attempt++ ) {
		const mainRoom = Math.max( 0, config.maxPageBytes - byteLength( storedJson( mainValue( [], closedParts ) ) ) - 16 - reserve );
		const packed = pack( open, size, ( part ) => part === 1 ? mainRoom : partRoom( null )( part ) );
		if ( attempt === 0 ) {
			packed.tooLarge.forEach( tooLarge );
		}
		openParts = packed.parts.map( ( requests, index ) => ( { closedIn: null, part: index + 1, requests: requests } ) );
		main = storedJson( mainValue( openParts[ 0 ].requests, openParts.slice( 1 ).concat( closedParts ) ) );
		if ( byteLength( main ) <= config.maxPageBytes || mainRoom === 0 ) {
			break;
		}
		reserve += byteLength( main ) - config.maxPageBytes + 256;
	}
	if ( byteLength( main ) > config.maxPageBytes ) {
		// Only with a very small limit: the list of pages itself is too long. List what fits.
		const others = openParts.slice( 1 ).concat( closedParts );
		const listed = pack( others, ( page ) => elementBytes( entry( page ), 2 ),
			() => config.maxPageBytes - byteLength( storedJson( mainValue( openParts[ 0 ].requests, [] ) ) ) - 256 ).parts[ 0 ];
		const notListed = { pagesNotListed: others.length - listed.length };
		main = storedJson( Object.assign( mainValue( openParts[ 0 ].requests, listed ), notListed ) );
		attention.push( { page: config.pages.export, reason: 'The list of the export\'s pages reached ' + sizeLimit( config ) + ': ' +
			( others.length - listed.length ) + ' pages are not listed on it.' } );
	}
	const pages = openParts.slice( 1 ).concat( closedParts ).map( ( page ) => jsonPage(
		exportTitle( config.pages, page.closedIn, page.part ), partValue( page.closedIn, page.part, page.requests ),
	) );
	pages.push( Object.assign( generatedPage( config.pages.export, main ), { contentModel: 'json' as const } ) );
	return { pages: pages, attention: attention };
}

/** The export's main page read back, or null if it is not of this schema. */
export function readExportPage( text: string ): { requests: ExportedRequest[]; pages: ExportIndexEntry[] } | null {
	try {
		const value = JSON.parse( text );
		if ( value && value.schema === EXPORT_SCHEMA && Array.isArray( value.requests ) && Array.isArray( value.pages ) ) {
			return { requests: value.requests, pages: value.pages };
		}
	} catch {
		// Not JSON: not ours.
	}
	return null;
}

/** The requests on one of the export's other pages, or null if it is not one. */
export function readExportPart( text: string, index: string ): ExportedRequest[] | null {
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

/** What the bot knows of a request, from its exported form. */
export function recordOf( request: ExportedRequest ): RequestRecord {
	const record: Partial<ExportedRequest> = Object.assign( {}, request );
	delete record.continent;
	delete record.tally;
	delete record.flags;
	return record as RequestRecord;
}

/** An obsolete page of the bot's (a year's archive or export page no longer needed), emptied with a pointer. */
export function obsoletePage( config: PlanConfig, title: string ): GeneratedPage {
	if ( /\.json$/.test( title ) ) {
		return jsonPage( title, { schema: EXPORT_SCHEMA, about: 'No longer used: see ' + config.pages.export + '.', index: config.pages.export, requests: [] } );
	}
	return generatedPage( title, HEADER + 'This archive page is no longer used: see [[' + config.pages.table + ']].' );
}
