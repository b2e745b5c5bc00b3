/**
 * The bot's messages, in banana format (bot/i18n/*.json, documented in qqq.json),
 * rendered with banana-i18n so that PLURAL follows each language's rules. A message
 * missing in a language falls back to English.
 */
import Banana from 'banana-i18n';
import ar from '../i18n/ar.json';
import de from '../i18n/de.json';
import en from '../i18n/en.json';
import es from '../i18n/es.json';
import fr from '../i18n/fr.json';
import sv from '../i18n/sv.json';

/** The message files, bundled with the bot: the languages of the request form. */
const SOURCES: Record<string, Record<string, unknown>> = { en: en, sv: sv, de: de, fr: fr, es: es, ar: ar };

/** Languages the bot has messages in (bot/i18n/CODE.json). */
export const MESSAGE_LANGUAGES = Object.keys( SOURCES );

function sources(): Record<string, Record<string, string>> {
	return SOURCES as Record<string, Record<string, string>>;
}

const cache: Record<string, InstanceType<typeof Banana>> = {};

function banana( language: string ): InstanceType<typeof Banana> {
	// eslint-disable-next-line security/detect-unsafe-regex -- anchored and bounded
	const locale = /^[a-z]{2,3}(-[a-z0-9]{1,8}){0,3}$/.test( language ) ? language : 'en';
	if ( !cache[ locale ] ) {
		const instance = new Banana( locale, { finalFallback: 'en' } );
		for ( const code of MESSAGE_LANGUAGES ) {
			instance.load( sources()[ code ], code );
		}
		cache[ locale ] = instance;
	}
	return cache[ locale ];
}

/**
 * A message in `language` (or English). Parameters are inserted as they are: pass
 * wikitext already made safe.
 */
export function message( language: string, key: string, ...params: ( string | number )[] ): string {
	return banana( language.toLowerCase() ).i18n( 'helpdesk-bot-' + key, ...params );
}

/** The first of `languages` that has the message, else English. */
export function languageFor( languages: string[], key: string ): string {
	for ( const code of languages ) {
		const base = code.toLowerCase().split( '-' )[ 0 ];
		if ( sources()[ base ] && Object.prototype.hasOwnProperty.call( sources()[ base ], 'helpdesk-bot-' + key ) ) {
			return base;
		}
	}
	return 'en';
}
