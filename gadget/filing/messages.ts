/**
 * The form's messages. English is bundled into the form module, as the fallback;
 * every other language comes in its own translation module (see ../translations.ts),
 * so a user downloads only their own. The user's interface language picks them,
 * with the fallback chain MediaWiki uses and English last.
 */
import en from '../i18n/en.json';

/** Messages by key of one language, as a message file or translation module has them. */
export type MessageFile = Readonly<Record<string, unknown>>;

/** The English messages, the source of truth and the last fallback. */
export const ENGLISH: MessageFile = en;

/** MediaWiki's pseudo-language that shows every message as its key. */
export const QQX = 'qqx';

/** Every message key, from the English file. */
export const MESSAGE_KEYS: readonly string[] = Object.keys( en ).filter( ( key ) => key !== '@metadata' );

/**
 * Languages to look in, best first, ending with English.
 *
 * @param userLanguage `wgUserLanguage`
 * @param mediaWikiChain `mw.language.getFallbackLanguageChain()` where available
 */
export function languageChain( userLanguage: string, mediaWikiChain?: readonly string[] ): string[] {
	const chain: string[] = [];
	const add = ( language: string ): void => {
		const code = language.toLowerCase();
		if ( code && !chain.includes( code ) ) {
			chain.push( code );
		}
	};
	add( userLanguage );
	( mediaWikiChain || [] ).forEach( add );
	add( 'en' );
	return chain;
}

function has( object: object, key: string ): boolean {
	return Object.prototype.hasOwnProperty.call( object, key );
}

/**
 * The languages of `chain` whose translation module is still to be loaded: those
 * that have one (`available`) and are not in `loaded`. None with `qqx`.
 */
export function translationsToLoad(
	chain: readonly string[], available: readonly string[], loaded: Readonly<Record<string, MessageFile>>,
): string[] {
	if ( chain[ 0 ] === QQX ) {
		return [];
	}
	return chain.filter( ( language ) => language !== 'en' && available.includes( language ) && !has( loaded, language ) );
}

/**
 * Each message in the first language of `chain` that has it, from `translations`
 * (English is built in). With `qqx` first, each message is its own key in
 * brackets, as MediaWiki shows its own messages.
 */
export function messagesFor( chain: readonly string[], translations: Readonly<Record<string, MessageFile>> = {} ): Record<string, string> {
	const messages: Record<string, string> = {};
	if ( chain[ 0 ] === QQX ) {
		MESSAGE_KEYS.forEach( ( key ) => {
			messages[ key ] = '(' + key + ')';
		} );
		return messages;
	}
	MESSAGE_KEYS.forEach( ( key ) => {
		for ( const language of chain ) {
			const file = language === 'en' ? ENGLISH : has( translations, language ) ? translations[ language ] : null;
			const text = file ? file[ key ] : undefined;
			if ( typeof text === 'string' && text !== '' ) {
				messages[ key ] = text;
				return;
			}
		}
	} );
	return messages;
}

/** The `$1`, `$2`… a message text uses, sorted. */
export function messageParameters( text: string ): string[] {
	const found: string[] = text.match( /\$[0-9]+/g ) || [];
	return found.filter( ( parameter, index ) => found.indexOf( parameter ) === index ).sort();
}
