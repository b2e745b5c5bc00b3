import { describe, expect, it } from 'vitest';
import { FORM_FIELDS, fieldKey } from '../../../gadget/filing/fields';
import {
	languageChain, MessageFile, MESSAGE_KEYS, messageParameters, messagesFor, translationsToLoad,
} from '../../../gadget/filing/messages';
import { RULES } from '../../../gadget/filing/problems';
import en from '../../../gadget/i18n/en.json';
import ownEn from '../../../gadget/i18n/own/en.json';
import ownQqq from '../../../gadget/i18n/own/qqq.json';
import qqq from '../../../gadget/i18n/qqq.json';
import { PARTNERSHIP_STAGES, SUPPORT_KINDS, TARGET_PROJECTS } from '../../../shared/request';
import type { FieldProblemCode } from '../../../shared/validation';

const sources = import.meta.glob<string>( '../../../gadget/**/*.ts', { query: '?raw', import: 'default', eager: true } );
const messageFiles = import.meta.glob<MessageFile>( '../../../gadget/i18n/*.json', { import: 'default', eager: true } );

/** Every message file by language, English and the translations (not qqq). */
const MESSAGE_FILES: Record<string, MessageFile> = {};
Object.keys( messageFiles ).forEach( ( path ) => {
	const language = path.replace( /^.*\/|\.json$/g, '' );
	if ( language !== 'qqq' ) {
		MESSAGE_FILES[ language ] = messageFiles[ path ];
	}
} );
const TRANSLATIONS = Object.keys( MESSAGE_FILES ).filter( ( language ) => language !== 'en' );

/** What the translation modules register: the message files without `@metadata`. */
function registered( ...languages: string[] ): Record<string, MessageFile> {
	const translations: Record<string, MessageFile> = {};
	languages.forEach( ( language ) => {
		const messages = Object.assign( {}, MESSAGE_FILES[ language ] ) as Record<string, unknown>;
		delete messages[ '@metadata' ];
		translations[ language ] = messages;
	} );
	return translations;
}

const PROBLEM_CODES: FieldProblemCode[] = [ 'required', 'too-long', 'too-many', 'affiliate-or-individual', 'unknown-country', 'invalid-link', 'unknown-choice' ];

/**
 * Keys the code names literally: msg( 'x' ), html( 'x' ), text( 'x' ), messageKey: 'x',
 * legend: 'x', and both sides of `? 'x' : 'y'`. A prefix such as msg( 'helpdesk-stage-' + stage )
 * is left to computedKeys().
 */
function literalKeys(): Set<string> {
	const keys = new Set<string>();
	const patterns = [
		/\b(?:msg|html|text)\(\s*'(helpdesk-[a-z0-9-]+)'/g,
		/\b(?:messageKey|legend|key):\s*'(helpdesk-[a-z0-9-]+)'/g,
		/\?\s*'(helpdesk-[a-z0-9-]+)'\s*:\s*'(helpdesk-[a-z0-9-]+)'/g,
	];
	Object.values( sources ).forEach( ( source ) => {
		patterns.forEach( ( pattern ) => {
			let match: RegExpExecArray | null;
			while ( ( match = pattern.exec( source ) ) !== null ) {
				match.slice( 1 ).filter( ( key ) => key && !key.endsWith( '-' ) ).forEach( ( key ) => keys.add( key ) );
			}
		} );
	} );
	return keys;
}

/** Keys the code builds from a prefix and a list. */
function computedKeys(): Set<string> {
	const keys = new Set<string>();
	PROBLEM_CODES.forEach( ( code ) => keys.add( 'helpdesk-problem-' + code ) );
	SUPPORT_KINDS.forEach( ( kind ) => keys.add( 'helpdesk-support-' + kind ) );
	[ 'none' ].concat( PARTNERSHIP_STAGES ).forEach( ( stage ) => keys.add( 'helpdesk-stage-' + stage ) );
	TARGET_PROJECTS.forEach( ( project ) => keys.add( 'helpdesk-project-' + project ) );
	FORM_FIELDS.forEach( ( field ) => {
		keys.add( 'helpdesk-field-' + fieldKey( field ) + '-label' );
		keys.add( 'helpdesk-field-' + fieldKey( field ) + '-help' );
	} );
	Object.values( RULES ).forEach( ( rule ) => keys.add( rule.messageKey ) );
	return keys;
}

const english = en as Record<string, unknown>;
const documentation = qqq as Record<string, unknown>;
/** The own-requests module's messages (`helpdesk-own-…`), in files of their own. */
const ownEnglish = ownEn as Record<string, unknown>;
const ownDocumentation = ownQqq as Record<string, unknown>;

describe( 'messages', () => {
	const used = new Set( [ ...literalKeys(), ...computedKeys() ] );

	it( 'found the code that uses them', () => {
		expect( Object.keys( sources ).length ).toBeGreaterThan( 10 );
		expect( literalKeys().has( 'helpdesk-form-title' ) ).toBe( true );
	} );

	it( 'used in the code all exist in en.json and qqq.json', () => {
		const missing = [ ...used ].filter( ( key ) => typeof english[ key ] !== 'string' && typeof ownEnglish[ key ] !== 'string' );
		const undocumented = [ ...used ].filter( ( key ) => typeof documentation[ key ] !== 'string' && typeof ownDocumentation[ key ] !== 'string' );
		expect( missing ).toEqual( [] );
		expect( undocumented ).toEqual( [] );
	} );

	it( 'in en.json are all used (placeholders are looked up by field)', () => {
		const unused = MESSAGE_KEYS.filter( ( key ) => !used.has( key ) && !/^helpdesk-field-[a-z-]+-placeholder$/.test( key ) );
		expect( unused ).toEqual( [] );
		MESSAGE_KEYS.filter( ( key ) => /-placeholder$/.test( key ) ).forEach( ( key ) => {
			const field = FORM_FIELDS.find( ( name ) => key === 'helpdesk-field-' + fieldKey( name ) + '-placeholder' );
			expect( field, key ).toBeDefined();
		} );
	} );

	// That qqq.json documents every message and nothing else, and that no translation
	// has a key en.json lacks, `npm run lint:i18n` (banana-checker) checks.
	it( 'are documented in qqq.json at some length', () => {
		MESSAGE_KEYS.forEach( ( key ) => {
			expect( String( documentation[ key ] ).length, key ).toBeGreaterThan( 20 );
		} );
	} );

	it( 'documents each parameter in qqq.json', () => {
		MESSAGE_KEYS.forEach( ( key ) => {
			messageParameters( english[ key ] as string ).forEach( ( parameter ) => {
				expect( String( documentation[ key ] ), key + ' ' + parameter ).toContain( parameter );
			} );
		} );
	} );

	it( 'found every message file', () => {
		expect( MESSAGE_FILES.en ).toBe( en );
		expect( TRANSLATIONS ).toEqual( expect.arrayContaining( [ 'ar', 'de', 'es', 'fr', 'sv' ] ) );
	} );

	it.each( TRANSLATIONS )( 'in %s.json have the same parameters as in English', ( language ) => {
		const file = MESSAGE_FILES[ language ];
		expect( file[ '@metadata' ] ).toMatchObject( { authors: expect.any( Array ) } );
		const keys = Object.keys( file ).filter( ( key ) => key !== '@metadata' );
		keys.forEach( ( key ) => {
			expect( typeof file[ key ], key ).toBe( 'string' );
			expect( messageParameters( file[ key ] as string ), language + ': ' + key ).toEqual( messageParameters( english[ key ] as string ) );
		} );
		// Every translation here is complete.
		expect( keys.sort() ).toEqual( MESSAGE_KEYS.slice().sort() );
	} );

	it( 'keep link syntax around their URL parameters in every language', () => {
		Object.keys( MESSAGE_FILES ).forEach( ( language ) => {
			[ 'helpdesk-form-anonymous', 'helpdesk-error-session', 'helpdesk-error-notloggedin' ].forEach( ( key ) => {
				expect( MESSAGE_FILES[ language ][ key ], language + ': ' + key ).toMatch( /\[\$1 [^\]]+\]/ );
			} );
		} );
	} );
} );

describe( 'languageChain', () => {
	it( 'starts with the user\'s language, follows MediaWiki\'s fallbacks and ends with English', () => {
		expect( languageChain( 'de-at', [ 'de-at', 'de', 'en' ] ) ).toEqual( [ 'de-at', 'de', 'en' ] );
		expect( languageChain( 'sv' ) ).toEqual( [ 'sv', 'en' ] );
		expect( languageChain( 'en' ) ).toEqual( [ 'en' ] );
		expect( languageChain( 'pt-BR', [ 'pt-br', 'pt', 'en' ] ) ).toEqual( [ 'pt-br', 'pt', 'en' ] );
	} );
} );

describe( 'translationsToLoad', () => {
	const available = [ 'ar', 'de', 'pt', 'pt-br', 'sv' ];

	it( 'asks for each language of the chain that has a translation module, best first', () => {
		expect( translationsToLoad( [ 'pt-br', 'pt', 'en' ], available, {} ) ).toEqual( [ 'pt-br', 'pt' ] );
		expect( translationsToLoad( [ 'gsw', 'de-ch', 'de', 'en' ], available, {} ) ).toEqual( [ 'de' ] );
		expect( translationsToLoad( [ 'fi', 'en' ], available, {} ) ).toEqual( [] );
	} );

	it( 'never asks for English (built in) nor for what is loaded already', () => {
		expect( translationsToLoad( [ 'en' ], available.concat( 'en' ), {} ) ).toEqual( [] );
		expect( translationsToLoad( [ 'pt-br', 'pt', 'en' ], available, { pt: {} } ) ).toEqual( [ 'pt-br' ] );
	} );

	it( 'asks for nothing with uselang=qqx', () => {
		expect( translationsToLoad( [ 'qqx', 'sv', 'en' ], available, {} ) ).toEqual( [] );
	} );
} );

describe( 'messagesFor', () => {
	it( 'takes each message from the first language of the chain that has it', () => {
		const swiss = messagesFor( languageChain( 'de-ch', [ 'de' ] ), registered( 'de', 'sv' ) );
		expect( swiss[ 'helpdesk-action-save' ] ).toBe( 'Anfrage abschicken' );
		expect( Object.keys( swiss ).sort() ).toEqual( MESSAGE_KEYS.slice().sort() );
		const unknown = messagesFor( languageChain( 'fi' ), registered( 'de', 'sv' ) );
		expect( unknown[ 'helpdesk-action-save' ] ).toBe( 'File request' );
		expect( Object.keys( unknown ).sort() ).toEqual( MESSAGE_KEYS.slice().sort() );
	} );

	it.each( TRANSLATIONS )( 'is all %s once its translation module is loaded', ( language ) => {
		const messages = messagesFor( languageChain( language ), registered( language ) );
		MESSAGE_KEYS.forEach( ( key ) => {
			expect( messages[ key ], key ).toBe( MESSAGE_FILES[ language ][ key ] );
		} );
	} );

	it( 'is English where a translation module did not load', () => {
		const messages = messagesFor( languageChain( 'sv', [ 'sv', 'en' ] ), registered( 'de' ) );
		MESSAGE_KEYS.forEach( ( key ) => {
			expect( messages[ key ], key ).toBe( english[ key ] );
		} );
	} );

	it( 'falls back to the next language of the chain for a message a translation lacks, English last', () => {
		const translations = registered( 'sv', 'de' ) as Record<string, Record<string, unknown>>;
		delete translations.sv[ 'helpdesk-action-save' ];
		delete translations.sv[ 'helpdesk-action-back' ];
		delete translations.de[ 'helpdesk-action-back' ];
		const messages = messagesFor( [ 'sv', 'de', 'en' ], translations );
		expect( messages[ 'helpdesk-action-preview' ] ).toBe( 'Förhandsgranska' );
		expect( messages[ 'helpdesk-action-save' ] ).toBe( 'Anfrage abschicken' );
		expect( messages[ 'helpdesk-action-back' ] ).toBe( english[ 'helpdesk-action-back' ] );
	} );

	it( 'shows every message as its key with uselang=qqx', () => {
		const qqx = messagesFor( languageChain( 'qqx', [ 'qqx', 'en' ] ), registered( 'sv' ) );
		expect( Object.keys( qqx ).sort() ).toEqual( MESSAGE_KEYS.slice().sort() );
		MESSAGE_KEYS.forEach( ( key ) => {
			expect( qqx[ key ] ).toBe( '(' + key + ')' );
		} );
	} );
} );
