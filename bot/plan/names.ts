/**
 * Titles of the pages the bot owns besides the request pages: the compiled pages,
 * the table's yearly archive, the JSON export's further pages and the bot's state,
 * each possibly split over numbered parts. The planner names pages with these and
 * the layer's allowlist checks titles against them, so both agree by construction.
 */
import type { HelpdeskPages } from '../config';

/** Closed requests are grouped by the year they were closed; `undated` if that is unknown. */
export type YearGroup = string;

/** `X.json`, `X/2.json`, `X/3.json`…; `X`, `X/2`… for a page without the suffix. */
export function partTitle( base: string, part: number ): string {
	if ( part <= 1 ) {
		return base;
	}
	const json = /\.json$/.test( base );
	return ( json ? base.slice( 0, -'.json'.length ) : base ) + '/' + part + ( json ? '.json' : '' );
}

/** Which part of `base` `title` is (1 for `base` itself), or 0 if none. */
export function partOf( base: string, title: string ): number {
	if ( title === base ) {
		return 1;
	}
	const json = /\.json$/.test( base );
	const stem = ( json ? base.slice( 0, -'.json'.length ) : base ) + '/';
	if ( title.indexOf( stem ) !== 0 ) {
		return 0;
	}
	const match = ( json ? /^([1-9]\d{0,5})\.json$/ : /^([1-9]\d{0,5})$/ ).exec( title.slice( stem.length ) );
	return match && Number( match[ 1 ] ) > 1 ? Number( match[ 1 ] ) : 0;
}

export function yearOf( timestamp: string ): YearGroup {
	return /^\d{4}-/.test( timestamp ) ? timestamp.slice( 0, 4 ) : 'undated';
}

const YEAR = /^(\d{4}|undated)$/;

export function statePartTitle( pages: HelpdeskPages, part: number ): string {
	return partTitle( pages.state, part );
}

export function archiveTitle( pages: HelpdeskPages, year: YearGroup, part: number ): string {
	return partTitle( pages.archivePrefix + year, part );
}

/** A meeting's agenda data page, `PREFIX2026-12-10.json`; its view is the same title without `.json`. */
export function agendaTitle( pages: HelpdeskPages, meeting: string ): string {
	return pages.agendaPrefix + meeting + '.json';
}

function isAgendaPage( pages: HelpdeskPages, title: string ): boolean {
	return title.indexOf( pages.agendaPrefix ) === 0 && /^\d{4}-\d\d-\d\d(\.json)?$/.test( title.slice( pages.agendaPrefix.length ) );
}

/** The talk page on which the staff hear of invalid settings. */
export function settingsTalkTitle( pages: HelpdeskPages ): string {
	const colon = pages.settings.indexOf( ':' );
	const namespace = colon > 0 ? pages.settings.slice( 0, colon ) : '';
	// The main namespace's talk is "Talk:"; "Project:X" has "Project talk:X".
	return namespace === '' || / /.test( namespace ) ? 'Talk:' + pages.settings : namespace + ' talk:' + pages.settings.slice( colon + 1 );
}

/** Open requests start on the main export page and go on at `PREFIXOpen/2.json`. */
export function exportTitle( pages: HelpdeskPages, closedIn: YearGroup | null, part: number ): string {
	if ( closedIn === null ) {
		return part <= 1 ? pages.export : partTitle( pages.exportPrefix + 'Open.json', part );
	}
	return partTitle( pages.exportPrefix + closedIn + '.json', part );
}

function isArchivePage( pages: HelpdeskPages, title: string ): boolean {
	if ( title.indexOf( pages.archivePrefix ) !== 0 ) {
		return false;
	}
	const rest = title.slice( pages.archivePrefix.length );
	const year = rest.split( '/' )[ 0 ];
	if ( year === 'Open' ) {
		return partOf( pages.archivePrefix + 'Open', title ) > 1;
	}
	return YEAR.test( year ) && partOf( pages.archivePrefix + year, title ) > 0;
}

function isExportPart( pages: HelpdeskPages, title: string ): boolean {
	if ( title.indexOf( pages.exportPrefix ) !== 0 ) {
		return false;
	}
	const group = title.slice( pages.exportPrefix.length ).split( /[/.]/ )[ 0 ];
	if ( group === 'Open' ) {
		return partOf( pages.exportPrefix + 'Open.json', title ) > 1;
	}
	return YEAR.test( group ) && partOf( pages.exportPrefix + group + '.json', title ) > 0;
}

/** Pages of the JSON export other than the main page. */
export function isExportPage( pages: HelpdeskPages, title: string ): boolean {
	return title === pages.export || isExportPart( pages, title );
}

/** Every page the bot compiles or keeps its state on: the layer may edit these. */
export function isBotPage( pages: HelpdeskPages, title: string ): boolean {
	return [ pages.export, pages.statisticsData, settingsTalkTitle( pages ), pages.faqCandidates, pages.faqCandidates.replace( /\.json$/, '' ) ].includes( title ) ||
		partOf( pages.state, title ) > 0 || isArchivePage( pages, title ) || isExportPart( pages, title ) || isAgendaPage( pages, title );
}
