/**
 * The form's messages, as set up by index.ts with `mw.messages.set`.
 */

/** A message as plain text (PLURAL and GENDER resolved). */
export function msg( key: string, ...params: ( string | number )[] ): string {
	return mw.message( key, ...params ).text();
}

/** A message as HTML, for messages with links. */
export function html( key: string, ...params: ( string | number | JQuery )[] ): string {
	return mw.message( key, ...params ).parse();
}
