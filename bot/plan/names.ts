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
	return [ pages.table, pages.statistics, pages.agenda, pages.export ].includes( title ) ||
		partOf( pages.state, title ) > 0 || isArchivePage( pages, title ) || isExportPart( pages, title );
}
