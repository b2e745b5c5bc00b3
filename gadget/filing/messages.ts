/**
 * The form's messages. The message files are bundled into the form module (they
 * are small, and this saves a request to the wiki); the user's interface language
 * picks one, with the fallback chain MediaWiki uses and English last.
 */
import ar from '../i18n/ar.json';
import de from '../i18n/de.json';
import en from '../i18n/en.json';
import es from '../i18n/es.json';
import fr from '../i18n/fr.json';
import sv from '../i18n/sv.json';

type MessageFile = Readonly<Record<string, unknown>>;

export const MESSAGE_FILES: Readonly<Record<string, MessageFile>> = {
	ar: ar,
	de: de,
	en: en,
	es: es,
	fr: fr,
	sv: sv,
};

/** MediaWiki's pseudo-language that shows every message as its key. */
export const QQX = 'qqx';

/** Every message key, from the English file (the source of truth). */
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

/**
 * Each message in the first language of `chain` that has it. With `qqx` first,
 * each message is its own key in brackets, as MediaWiki shows its own messages.
 */
export function messagesFor( chain: readonly string[] ): Record<string, string> {
	const messages: Record<string, string> = {};
	if ( chain[ 0 ] === QQX ) {
		MESSAGE_KEYS.forEach( ( key ) => {
			messages[ key ] = '(' + key + ')';
		} );
		return messages;
	}
	MESSAGE_KEYS.forEach( ( key ) => {
		for ( const language of chain ) {
			const file = Object.prototype.hasOwnProperty.call( MESSAGE_FILES, language ) ? MESSAGE_FILES[ language ] : null;
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
