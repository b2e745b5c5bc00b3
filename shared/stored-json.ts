/**
 * JSON pages as MediaWiki stores them: the bot sends JSON exactly as MediaWiki
 * would re-format it, so that the bytes it counts are the bytes the wiki checks
 * against its page size limit, and the SHA-1 it computes is the one the wiki reports.
 */

/** `FormatJson::encode( value, "\t", FormatJson::UTF8_OK )`: tabs, `<` `>` `&` and line separators escaped. */
export function storedJson( value: unknown ): string {
	return JSON.stringify( value, null, '\t' ).replace( /[<>&\u2028\u2029]/g,
		( character ) => '\\u' + character.charCodeAt( 0 ).toString( 16 ).toUpperCase().padStart( 4, '0' ) );
}
