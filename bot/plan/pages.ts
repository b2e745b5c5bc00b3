/**
 * The pages the bot compiles: the request table (with the requests needing
 * attention and a yearly archive), the statistics, the committee's agenda and the
 * JSON export. Their text depends only on the records, the committee and the day's
 * thresholds, so an unchanged Helpdesk gives byte-identical pages and no edit.
 */
import { createHash } from 'node:crypto';
import { continentOf, countryName } from '../../shared/countries';
import { SUPPORT_KINDS } from '../../shared/request';
import { isClosed, Status, STATUSES, WAITING_ON } from '../../shared/status';
import type { PlanConfig } from '../config';
import { countedSignOffs, signOffProblem, tally } from './committee';
import { daysBetween, escapeText, pageLink, userLink } from './request-page';
import type { Committee, ExportData, ExportedRequest, GeneratedPage, RequestRecord } from './types';

const HEADER = '<!-- Compiled by the Helpdesk bot from the request pages: edits here are overwritten. -->\n';

/** The text as MediaWiki stores it (NFC, no trailing whitespace), and its SHA-1. */
export function generatedPage( title: string, text: string ): GeneratedPage {
	const stored = text.normalize( 'NFC' ).replace( /\s+$/, '' );
	return { title: title, text: stored, sha1: createHash( 'sha1' ).update( stored, 'utf8' ).digest( 'hex' ) };
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

function supportText( record: RequestRecord ): string {
	return record.support.join( ', ' );
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

export function renderTable( records: RequestRecord[], committee: Committee, config: PlanConfig, now: string ): GeneratedPage {
	const current = records.filter( ( record ) => !archived( record, config, now ) );
	const rows = current.map( ( record ) => {
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
			column( cell( supportText( record ) ) ),
			'| data-sort-value="' + statusOrder( record.status ) + '" | {{' + config.templates.statusBadge + '|' + record.status + '}}',
			isClosed( record.status ) ? '| data-sort-value="0" | –' : ageCell( record.statusSince ),
			'| ' + record.touched.slice( 0, 10 ),
			tallyCell( record, committee ),
			column( flags.join( ', ' ) ),
		].join( '\n' );
	} );
	const parts = [
		HEADER + '{| class="wikitable sortable"',
		'! Request !! Requester !! Affiliate !! Country !! Kinds of support !! Status !! Time in stage !! Last activity !! Committee !! Flags',
	].concat( rows, [ '|}' ] );
	const attention = needsAttentionList( records, committee, config );
	parts.push( '', '== Requests needing attention ==', attention.length ? attention.join( '\n' ) : 'None.' );
	const years: Record<string, RequestRecord[]> = {};
	records.filter( ( record ) => archived( record, config, now ) ).forEach( ( record ) => {
		const year = record.statusSince.slice( 0, 4 );
		( years[ year ] = years[ year ] || [] ).push( record );
	} );
	const yearList = Object.keys( years ).sort().reverse();
	if ( yearList.length ) {
		parts.push( '', '== Archive ==', 'Requests closed more than ' + config.archiveAfterDays + ' days ago, by the year they were closed.' );
		yearList.forEach( ( year ) => {
			parts.push( '', '=== ' + year + ' ===', '{| class="wikitable sortable"', '! Request !! Requester !! Country !! Kinds of support !! Status !! Filed !! Closed' );
			years[ year ].forEach( ( record ) => parts.push( [
				'|-',
				'| ' + requestLink( record ),
				'| ' + userLink( config, record.requester ),
				column( cell( record.country ? countryName( record.country ) : '' ) ),
				column( cell( supportText( record ) ) ),
				'| data-sort-value="' + statusOrder( record.status ) + '" | {{' + config.templates.statusBadge + '|' + record.status + '}}',
				'| ' + record.filed.slice( 0, 10 ),
				'| ' + record.statusSince.slice( 0, 10 ),
			].join( '\n' ) ) );
			parts.push( '|}' );
		} );
	}
	return generatedPage( config.pages.table, parts.join( '\n' ) );
}

function needsAttentionList( records: RequestRecord[], committee: Committee, config: PlanConfig ): string[] {
	const lines: string[] = [];
	committee.problems.forEach( ( problem ) => lines.push( '* [[' + config.pages.committee + ']]: ' + cell( problem ) ) );
	records.forEach( ( record ) => {
		const reasons = record.problem ? [ record.problem ] : record.attention.concat(
			record.signOffs.map( ( signOff ) => signOffProblem( signOff, committee ) ).filter( ( reason ) => reason !== '' ),
			record.botsDenied ? [ 'The page shuts the bot out ({{nobots}} or {{bots}}).' ] : [],
		);
		reasons.forEach( ( reason ) => lines.push( '* ' + requestLink( record ) + ': ' + cell( reason ) ) );
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

export function renderStatistics( records: RequestRecord[], committee: Committee, config: PlanConfig ): GeneratedPage {
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
		.map( ( kind ) => [ kind, bySupport[ kind ] ] as [ string, number ] ) ) );

	const responseDays = ( list: RequestRecord[] ): number[] => list.map( ( record ) => [ record.filed, firstResponse( record, committee ) ] )
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
	return generatedPage( config.pages.statistics, parts.join( '\n' ) );
}

// Agenda -----------------------------------------------------------------------

export function renderAgenda( records: RequestRecord[], committee: Committee, config: PlanConfig, now: string ): GeneratedPage {
	const waiting = records.filter( ( record ) => !record.problem && WAITING_ON[ record.status ] === 'committee' )
		.sort( ( a, b ) => ( a.statusSince || a.filed ) < ( b.statusSince || b.filed ) ? -1 :
			( a.statusSince || a.filed ) > ( b.statusSince || b.filed ) ? 1 : a.page < b.page ? -1 : 1 );
	const parts = [ HEADER + 'Every request awaiting the Expert Committee, the longest waiting first: the agenda of the next monthly meeting.' ];
	if ( waiting.length === 0 ) {
		parts.push( '', 'No request awaits the committee.' );
	} else {
		parts.push( '', '{| class="wikitable"', '! # !! Request !! Requester !! Country !! Awaiting !! Waiting since !! Days !! Committee !! Flags' );
		waiting.forEach( ( record, index ) => {
			const counts = tally( record.signOffs, committee );
			parts.push( [
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
			].join( '\n' ) );
		} );
		parts.push( '|}' );
	}
	return generatedPage( config.pages.agenda, parts.join( '\n' ) );
}

// Export -----------------------------------------------------------------------

export function renderExport(
	records: RequestRecord[], committee: Committee, config: PlanConfig, now: string, previous: ExportData | null, fullScan: boolean,
): ExportData {
	const requests: ExportedRequest[] = records.map( ( record ) => Object.assign( {}, record, {
		continent: continentOf( record.country ) || '',
		tally: tally( record.signOffs, committee ),
		flags: flagsOf( record, committee, config, now ),
	} ) );
	return {
		schema: 1,
		requests: requests,
		bot: {
			lastFullScan: fullScan ? now : previous ? previous.bot.lastFullScan : '',
			generated: previous ? previous.bot.generated : {},
		},
	};
}

/** The export as page text (MediaWiki re-formats JSON pages; compare parsed values). */
export function exportText( data: ExportData ): string {
	return JSON.stringify( data, null, '\t' );
}
