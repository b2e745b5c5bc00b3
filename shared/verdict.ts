/**
 * The requester's verdict on a request that is done or declined: a rating from 1
 * to 5 and an optional short comment, written on the request page as
 * `{{Helpdesk verdict|rating=4|comment=…|user=NAME}}` in a section of its own.
 * The gadget writes it and the bot reads it; what the requester typed is escaped
 * (`escapeText`), so it shows as typed and never becomes markup.
 */
import { escapeText, unescapeText } from './escape';
import { findTemplates, normaliseUserName, paramValue } from './wikitext';

export const VERDICT_TEMPLATE = 'Helpdesk verdict';

/** The ratings, worst to best. */
export const VERDICT_RATINGS = [ 1, 2, 3, 4, 5 ] as const;

/** The longest comment, in characters (code points). */
export const VERDICT_COMMENT_MAX = 500;

/** The statuses after which the requester is asked for a verdict. */
export const VERDICT_STATUSES = [ 'done', 'declined' ] as const;

export interface VerdictCall {
	/** The user name the call names, normalised ('' when it names none). */
	user: string;
	/** 1 to 5, or 0 when the call gives no rating the Helpdesk knows. */
	rating: number;
	/** The comment as plain text, on one line. */
	comment: string;
}

/** A rating as written, or 0. */
export function readRating( written: string ): number {
	const rating = Number( written.trim() );
	return ( VERDICT_RATINGS as readonly number[] ).includes( rating ) ? rating : 0;
}

/** The comment as it is kept: whitespace runs made one space, at most VERDICT_COMMENT_MAX characters. */
export function verdictComment( typed: string ): string {
	return Array.from( typed.replace( /\s+/g, ' ' ).trim() ).slice( 0, VERDICT_COMMENT_MAX ).join( '' ).trim();
}

/** The template call for a verdict; every value escaped. */
export function verdictCall( rating: number, comment: string, user: string ): string {
	const text = verdictComment( comment );
	return '{{' + VERDICT_TEMPLATE + '|rating=' + readRating( String( rating ) ) +
		( text === '' ? '' : '|comment=' + escapeText( text, false ) ) + '|user=' + escapeText( user, false ) + '}}';
}

/** The section the gadget appends: the heading (in the request's language), the call, the requester's signature. */
export function verdictSection( heading: string, rating: number, comment: string, user: string ): string {
	return '== ' + escapeText( heading.replace( /\s+/g, ' ' ).trim(), false ) + ' ==\n' + verdictCall( rating, comment, user ) + ' ~~~~';
}

/** Every verdict call on a page, in page order. */
export function verdictCalls( text: string ): VerdictCall[] {
	if ( !text.includes( '{{' ) ) {
		return [];
	}
	return findTemplates( text, VERDICT_TEMPLATE ).map( ( call ) => ( {
		user: normaliseUserName( unescapeText( paramValue( call, 'user' ) ) ),
		rating: readRating( unescapeText( paramValue( call, 'rating' ) ) ),
		comment: verdictComment( unescapeText( paramValue( call, 'comment' ) ) ),
	} ) );
}

/** Whether `user` has a verdict on the page (counted or not: they are not asked for a second). */
export function hasVerdictBy( text: string, user: string ): boolean {
	const name = normaliseUserName( user );
	return verdictCalls( text ).some( ( call ) => call.user === name );
}
