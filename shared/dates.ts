/**
 * Dates as people type them on pages, read strictly: a date that does not exist
 * is no date (`Date.parse` accepts some, so it is never trusted for that).
 * Timestamps are ISO 8601 in UTC to the second: `2026-11-21T09:30:00Z`.
 * `wikitext.ts` re-exports these.
 */

const DAY_MS = 86400000;

/** Wikipedia began on 2001-01-15: a date before that on a Helpdesk page is a typing error. */
const EARLIEST = '2001-01-15T00:00:00Z';

/** `YYYY-MM-DD`, then optionally ` HH:MM` or `THH:MM`, then `:SS`, then `Z`. */
const TYPED = /^([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[T ]([0-9]{2}):([0-9]{2})(?::([0-9]{2}))?)?Z?$/;

/** Whitespace around a typed date: ASCII and what MediaWiki's titles fold (not U+FEFF). */
const SPACE = /^[ \t\n\r\f\v\u00a0\u1680\u180e\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/;

/** The longest text that can be a date: longer ones are none (and are not searched). */
const LONGEST = 20;

function trimmed( text: string ): string {
	let start = 0;
	let end = text.length;
	while ( start < end && SPACE.test( text.charAt( start ) ) ) {
		start++;
	}
	while ( end > start && SPACE.test( text.charAt( end - 1 ) ) ) {
		end--;
	}
	return text.slice( start, end );
}

/** A canonical timestamp with milliseconds, as `Date.prototype.toISOString` gives it. */
const WITH_MILLISECONDS = /^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{1,3}Z$/;

function daysInMonth( year: number, month: number ): number {
	if ( month === 2 ) {
		const leap = year % 4 === 0 && ( year % 100 !== 0 || year % 400 === 0 );
		return leap ? 29 : 28;
	}
	return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * A typed date or time as a canonical timestamp, or null when it is not one of
 * `YYYY-MM-DDTHH:MM:SSZ`, `YYYY-MM-DD`, `YYYY-MM-DD HH:MM`, `YYYY-MM-DDTHH:MM`,
 * `YYYY-MM-DD HH:MM:SS` (each with an optional `Z`, whitespace around allowed) or
 * names a day or time that does not exist (month 13, 2025-02-29, 24:00, …).
 */
export function parseTimestamp( typed: string ): string | null {
	const bare = trimmed( typed );
	const match = bare.length > LONGEST ? null : TYPED.exec( bare );
	if ( !match ) {
		return null;
	}
	const year = Number( match[ 1 ] );
	const month = Number( match[ 2 ] );
	const day = Number( match[ 3 ] );
	const hour = match[ 4 ] === undefined ? '00' : match[ 4 ];
	const minute = match[ 5 ] === undefined ? '00' : match[ 5 ];
	const second = match[ 6 ] === undefined ? '00' : match[ 6 ];
	if ( month < 1 || month > 12 || day < 1 || day > daysInMonth( year, month ) ||
		Number( hour ) > 23 || Number( minute ) > 59 || Number( second ) > 59 ) {
		return null;
	}
	return match[ 1 ] + '-' + match[ 2 ] + '-' + match[ 3 ] + 'T' + hour + ':' + minute + ':' + second + 'Z';
}

/** Milliseconds of a canonical timestamp (or one with milliseconds), NaN otherwise. */
function milliseconds( timestamp: string ): number {
	const canonical = parseTimestamp( timestamp );
	if ( canonical !== null ) {
		return Date.parse( canonical );
	}
	return WITH_MILLISECONDS.test( timestamp ) ? Date.parse( timestamp ) : NaN;
}

/**
 * Why a typed date cannot be right, in English, or '' when it can: not a date
 * (see `parseTimestamp()`), in the future (later than `now`, a timestamp), or
 * before 2001-01-15.
 */
export function dateProblem( typed: string, now: string ): string {
	const timestamp = parseTimestamp( typed );
	if ( timestamp === null ) {
		return 'not a date';
	}
	const nowMs = milliseconds( now );
	if ( !isNaN( nowMs ) && Date.parse( timestamp ) > nowMs ) {
		return 'in the future';
	}
	if ( timestamp < EARLIEST ) {
		return 'before 2001-01-15, when Wikipedia began';
	}
	return '';
}

/** The canonical timestamp of a time in milliseconds (to the second, rounded down), or '' for none. */
export function isoSeconds( ms: number ): string {
	const date = new Date( Math.floor( ms ) );
	return isNaN( date.getTime() ) ? '' : date.toISOString().replace( /\.[0-9]{3}Z$/, 'Z' );
}

/** Whole days from one timestamp to another, rounded down (negative when `to` is earlier); NaN for a non-timestamp. */
export function daysBetween( from: string, to: string ): number {
	return Math.floor( ( milliseconds( to ) - milliseconds( from ) ) / DAY_MS );
}

/** The timestamp `days` days (of 24 hours) later, or '' when `timestamp` is none. */
export function addDays( timestamp: string, days: number ): string {
	return isoSeconds( milliseconds( timestamp ) + days * DAY_MS );
}
