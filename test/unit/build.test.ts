import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import * as acorn from 'acorn';
import { JSDOM, VirtualConsole } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	build, BuildResult, guardNowiki, ROOT, translationDefinitionLine, translationDefinitionProblems, translationLanguages, wrapScript,
} from '../../scripts/build';
import { onWikiPages } from '../../scripts/onwiki-pages';
import { messageParameters } from '../../gadget/filing/messages';
import { EDITOR_KEY, FILED_KEY } from '../../gadget/session-keys';
import { isHelpdeskPage } from '../../shared/pages';

const LANGUAGES = translationLanguages();
const TRANSLATION_SCRIPTS = LANGUAGES.map( ( language ) => 'Gadget-HelpdeskForm-i18n-' + language + '.js' );
const SCRIPTS = [ 'Gadget-HelpdeskLoader.js', 'Gadget-HelpdeskForm.js' ].concat( TRANSLATION_SCRIPTS );
/** A translation module an earlier build left behind, for a language since removed. */
const STALE = 'Gadget-HelpdeskForm-i18n-xx.js';
const BANNER = /^\/\/ Built from commit ([0-9a-f]{7,40}(-dirty)?|unknown) of .+ on \d{4}-\d\d-\d\d — do not edit here; edit the source and redeploy\n/;

let outDir: string;
let result: BuildResult;

function output( name: string ): string {
	return readFileSync( join( outDir, name ), 'utf8' );
}

type Messages = Record<string, string>;

function messageFile( language: string ): Messages {
	const messages = JSON.parse( readFileSync( join( ROOT, 'gadget/i18n', language + '.json' ), 'utf8' ) ) as Messages;
	delete messages[ '@metadata' ];
	return messages;
}

const english = messageFile( 'en' );

function parsesAsES2017( code: string ): boolean {
	try {
		acorn.parse( code, { ecmaVersion: 2017, sourceType: 'script' } );
		return true;
	} catch ( error ) {
		if ( error instanceof SyntaxError ) {
			return false;
		}
		throw error;
	}
}

beforeAll( async () => {
	// Its own build, so the test also runs without `npm run build` first.
	outDir = mkdtempSync( join( tmpdir(), 'helpdesk-build-' ) );
	writeFileSync( join( outDir, STALE ), 'old();\n' );
	writeFileSync( join( outDir, 'notes.txt' ), 'not a gadget page\n' );
	result = await build( outDir );
}, 60000 );

afterAll( () => {
	rmSync( outDir, { recursive: true, force: true } );
} );

describe( 'the build', () => {
	it( 'writes the gadget files', () => {
		expect( LANGUAGES ).toEqual( [ 'ar', 'de', 'es', 'fr', 'sv' ] );
		expect( result.files.map( ( file ) => file.name ).sort() ).toEqual( [
			'Gadget-HelpdeskForm.css', 'Gadget-HelpdeskForm.js', 'Gadget-HelpdeskLoader.js', 'Gadget-HelpdeskOwn.js', 'Gadgets-definition.txt',
		].concat( TRANSLATION_SCRIPTS ).sort() );
		result.files.forEach( ( file ) => {
			expect( file.bytes ).toBeGreaterThan( 100 );
		} );
	} );

	it( 'deletes gadget pages an earlier build left behind, and nothing else', () => {
		expect( existsSync( join( outDir, STALE ) ) ).toBe( false );
		expect( output( 'notes.txt' ) ).toBe( 'not a gadget page\n' );
	} );

	it( 'deploys every file it builds, the translation modules included', async () => {
		const deployed = await onWikiPages( { distDir: outDir } );
		const built = result.files.map( ( file ) => file.name ).filter( ( name ) => name.startsWith( 'Gadget-' ) );
		built.forEach( ( name ) => {
			const page = deployed.find( ( candidate ) => candidate.title === 'MediaWiki:' + name );
			expect( page, name ).toBeDefined();
			expect( ( page as { text: string } ).text, name ).toBe( output( name ).trimEnd() );
			expect( ( page as { contentModel?: string } ).contentModel, name ).toBe( name.endsWith( '.css' ) ? 'css' : 'javascript' );
		} );
		expect( deployed.filter( ( page ) => /^MediaWiki:Gadget-.*\.(js|css)$/.test( page.title ) ) ).toHaveLength( built.length );
	} );

	it( 'can tell ES2017 from newer syntax', () => {
		expect( parsesAsES2017( 'async function f() { await g(); }' ) ).toBe( true );
		expect( parsesAsES2017( 'a?.b' ) ).toBe( false );
		expect( parsesAsES2017( 'const { a, ...rest } = b;' ) ).toBe( false );
		expect( parsesAsES2017( '/a.b/s.test( c )' ) ).toBe( false );
	} );

	it.each( SCRIPTS )( 'writes %s as ES2017 that Meta-Wiki accepts', ( name ) => {
		expect( parsesAsES2017( output( name ) ) ).toBe( true );
	} );

	it.each( SCRIPTS )( 'wraps %s in nowiki guards under a banner', ( name ) => {
		const text = output( name );
		expect( text ).toMatch( BANNER );
		expect( text.split( '\n' )[ 1 ] ).toBe( '// <nowiki>' );
		expect( text.endsWith( '\n// </nowiki>\n' ) ).toBe( true );
		// One closing tag, the guard's own: any other would end the guard early.
		expect( text.match( /<\/nowiki/gi ) ).toHaveLength( 1 );
		expect( text ).toContain( 'of ' + result.info.repository + ' on ' + result.info.date );
	} );

	it( 'names the commit it was built from', () => {
		expect( result.info.commit ).toMatch( /^([0-9a-f]{7,40}(-dirty)?|unknown)$/ );
		expect( output( 'Gadget-HelpdeskForm.js' ) ).toContain( JSON.stringify( result.info.commit ) );
	} );

	it.each( SCRIPTS )( 'bundles only the project\'s own code into %s, not OOUI, jQuery or MediaWiki', ( name ) => {
		const inputs = result.inputs[ name ];
		expect( inputs.length ).toBeGreaterThan( 0 );
		inputs.forEach( ( input ) => {
			expect( input ).toMatch( /^(gadget|shared)\/|^node_modules\/mwn\/build\/wikitext\.js$/ );
		} );
		const text = output( name );
		for ( const marker of [ 'OO.ui.Widget=function', 'OO.inheritClass=', 'jQuery JavaScript Library', 'mw.Api=function', 'mediaWiki.loader', 'sizzle' ] ) {
			expect( text ).not.toContain( marker );
		}
	} );

	// Sizes themselves are measured by `npm run bench:size`; these check what goes in.
	it( 'keeps the loader free of shared page lists and messages', () => {
		const loader = output( 'Gadget-HelpdeskLoader.js' );
		expect( result.inputs[ 'Gadget-HelpdeskLoader.js' ].slice().sort() ).toEqual( [ 'gadget/loader.ts', 'gadget/session-keys.ts', 'gadget/translations.ts' ] );
		expect( loader ).not.toContain( 'Expert Committee' );
		expect( loader ).not.toContain( english[ 'helpdesk-form-title' ] );
		expect( loader ).toContain( JSON.stringify( LANGUAGES ) );
	} );

	it( 'puts English, and only English, into the form module', () => {
		const form = output( 'Gadget-HelpdeskForm.js' );
		expect( form ).toContain( JSON.stringify( english[ 'helpdesk-action-preview' ] ) );
		LANGUAGES.forEach( ( language ) => {
			expect( form, language ).not.toContain( messageFile( language )[ 'helpdesk-form-intro' ] );
		} );
		expect( result.inputs[ 'Gadget-HelpdeskForm.js' ].filter( ( input ) => input.startsWith( 'gadget/i18n/' ) ) ).toEqual( [ 'gadget/i18n/en.json' ] );
		expect( form ).not.toMatch( /"?@metadata"?:\s*\{/ );
		expect( form ).toContain( JSON.stringify( LANGUAGES ) );
	} );

	it.each( LANGUAGES )( 'builds the %s translation module: its messages, registered for the form, nothing else', ( language ) => {
		const name = 'Gadget-HelpdeskForm-i18n-' + language + '.js';
		const code = output( name );
		expect( result.inputs[ name ].slice().sort() ).toEqual( [ 'gadget/translation-module.ts', 'gadget/translations.ts' ] );
		expect( code ).not.toMatch( /"?@metadata"?:/ );
		// Another translation registered before stays.
		const libs: Record<string, Record<string, Messages>> = { helpdeskFormMessages: { xx: { 'helpdesk-form-title': 'x' } } };
		runInNewContext( code, { mw: { libs: libs } } );
		expect( Object.keys( libs ) ).toEqual( [ 'helpdeskFormMessages' ] );
		expect( Object.keys( libs.helpdeskFormMessages ).sort() ).toEqual( [ language, 'xx' ].sort() );
		const registered = libs.helpdeskFormMessages[ language ];
		expect( registered ).toEqual( messageFile( language ) );
		Object.keys( registered ).forEach( ( key ) => {
			expect( Object.prototype.hasOwnProperty.call( english, key ), key ).toBe( true );
			expect( messageParameters( registered[ key ] ), language + ': ' + key ).toEqual( messageParameters( english[ key ] ) );
		} );
		// Registers into a fresh registry just as well (the module loaded before the form).
		const fresh: Record<string, Record<string, Messages>> = {};
		runInNewContext( code, { mw: { libs: fresh } } );
		expect( fresh.helpdeskFormMessages[ language ] ).toEqual( messageFile( language ) );
	} );

	it( 'writes the CSS under a banner', () => {
		const css = output( 'Gadget-HelpdeskForm.css' );
		expect( css ).toMatch( /^\/\* Built from commit .+ — do not edit here; edit the source and redeploy \*\/\n/ );
		expect( css ).toContain( '.helpdesk-form' );
		expect( css ).not.toMatch( /\bleft\b|\bright\b/ );
	} );

	it( 'copies the gadget definition: the loader, the form, a translation module per language and the own-requests module, in MediaWiki 1.39 syntax', () => {
		const definition = output( 'Gadgets-definition.txt' );
		expect( definition ).toBe( readFileSync( join( ROOT, 'gadget/Gadgets-definition.txt' ), 'utf8' ) );
		const lines = definition.trim().split( '\n' );
		expect( lines ).toHaveLength( 3 + LANGUAGES.length );
		const gadgets = lines.map( ( line ) => {
			// The pattern of MediaWikiGadgetsDefinitionRepo::newFromDefinition, applied to short lines.
			// eslint-disable-next-line security/detect-unsafe-regex
			const match = /^\*+ *([a-zA-Z](?:[-_:.\w ]*[a-zA-Z0-9])?)(\s*\[.*?\])?\s*((\|[^|]*)+)\s*$/.exec( line );
			expect( match, line ).not.toBeNull();
			const parts = match as RegExpExecArray;
			return {
				name: parts[ 1 ],
				options: parts[ 2 ].trim().replace( /^\[|\]$/g, '' ).split( '|' ),
				pages: parts[ 3 ].split( '|' ).filter( Boolean ),
			};
		} );
		expect( gadgets[ 0 ] ).toEqual( {
			name: 'HelpdeskLoader',
			options: [ 'ResourceLoader', 'default', 'targets=desktop,mobile' ],
			pages: [ 'HelpdeskLoader.js' ],
		} );
		expect( gadgets[ 1 ].name ).toBe( 'HelpdeskForm' );
		expect( gadgets[ 1 ].options ).toEqual( expect.arrayContaining( [ 'ResourceLoader', 'hidden', 'targets=desktop,mobile' ] ) );
		const dependencies = ( gadgets[ 1 ].options.find( ( option ) => option.indexOf( 'dependencies=' ) === 0 ) || '' ).slice( 'dependencies='.length ).split( ',' );
		expect( dependencies ).toEqual( expect.arrayContaining( [ 'mediawiki.api', 'mediawiki.util', 'mediawiki.storage', 'mediawiki.language', 'mediawiki.jqueryMsg', 'oojs-ui-core', 'oojs-ui-widgets', 'oojs-ui-windows' ] ) );
		expect( gadgets[ 1 ].pages ).toEqual( [ 'HelpdeskForm.js', 'HelpdeskForm.css' ] );
		expect( gadgets.slice( 2, 2 + LANGUAGES.length ) ).toEqual( LANGUAGES.map( ( language ) => ( {
			name: 'HelpdeskForm-i18n-' + language,
			options: [ 'ResourceLoader', 'hidden', 'targets=desktop,mobile' ],
			pages: [ 'HelpdeskForm-i18n-' + language + '.js' ],
		} ) ) );
		// The requester's own requests: loaded by the loader only for logged-in users, after the form.
		const own = gadgets[ 2 + LANGUAGES.length ];
		expect( own.name ).toBe( 'HelpdeskOwn' );
		expect( own.options ).toEqual( expect.arrayContaining( [ 'ResourceLoader', 'hidden', 'targets=desktop,mobile' ] ) );
		expect( own.options.find( ( option ) => option.indexOf( 'dependencies=' ) === 0 ) ).toContain( 'ext.gadget.HelpdeskForm' );
		expect( own.pages ).toEqual( [ 'HelpdeskOwn.js' ] );
		// Each page is a file of the build, as MediaWiki:Gadget-<page>.
		gadgets.forEach( ( gadget ) => gadget.pages.forEach( ( page ) => {
			expect( result.files.map( ( file ) => file.name ) ).toContain( 'Gadget-' + page );
		} ) );
	} );
} );

describe( 'translations and the gadget definition', () => {
	const definition = readFileSync( join( ROOT, 'gadget/Gadgets-definition.txt' ), 'utf8' );

	it( 'agree: every message file but en and qqq has its line, and every translation line its file', () => {
		expect( translationDefinitionProblems( definition, LANGUAGES ) ).toEqual( [] );
	} );

	it( 'disagree when a language has a file without a line, or a line without a file', () => {
		const withoutSwedish = definition.split( '\n' ).filter( ( line ) => line !== translationDefinitionLine( 'sv' ) ).join( '\n' );
		expect( translationDefinitionProblems( withoutSwedish, LANGUAGES ) ).toEqual( [
			'gadget/i18n/sv.json has no line `* HelpdeskForm-i18n-sv[ResourceLoader|hidden|targets=desktop,mobile]|HelpdeskForm-i18n-sv.js` in gadget/Gadgets-definition.txt',
		] );
		const withFinnish = definition + translationDefinitionLine( 'fi' ) + '\n';
		expect( translationDefinitionProblems( withFinnish, LANGUAGES ) ).toEqual( [
			'gadget/Gadgets-definition.txt defines HelpdeskForm-i18n-fi but there is no gadget/i18n/fi.json',
		] );
		// A line of another shape is no line for that language.
		const hiddenless = definition.replace( translationDefinitionLine( 'de' ), '* HelpdeskForm-i18n-de[ResourceLoader]|HelpdeskForm-i18n-de.js' );
		expect( translationDefinitionProblems( hiddenless, LANGUAGES ) ).toHaveLength( 1 );
	} );

	it( 'takes the languages from the file names, English and qqq left out, and refuses a name that is no language code', () => {
		const dir = mkdtempSync( join( tmpdir(), 'helpdesk-i18n-' ) );
		try {
			for ( const file of [ 'en.json', 'qqq.json', 'pt-br.json', 'sv.json', 'README.md' ] ) {
				writeFileSync( join( dir, file ), '{}' );
			}
			expect( translationLanguages( dir ) ).toEqual( [ 'pt-br', 'sv' ] );
			writeFileSync( join( dir, 'Swedish.json' ), '{}' );
			expect( () => translationLanguages( dir ) ).toThrow( /Swedish\.json: not a MediaWiki language code/ );
		} finally {
			rmSync( dir, { recursive: true, force: true } );
		}
	} );
} );

describe( 'guardNowiki', () => {
	it( 'keeps a closing nowiki in code from ending the guard, without changing what the code does', () => {
		const code = 'var tag = "</nowiki>", re = /<\\/NOWIKI>/i; result = [ tag, re.test( "</nowiki>" ), `</nowiki >` ];';
		const wrapped = wrapScript( code, { commit: 'abc1234', repository: 'this repository', date: '2026-11-21' } );
		expect( wrapped.match( /<\/nowiki/gi ) ).toHaveLength( 1 );
		const sandbox: { result?: unknown[] } = {};
		runInNewContext( guardNowiki( code ), sandbox );
		expect( sandbox.result ).toEqual( [ '</nowiki>', true, '</nowiki >' ] );
	} );
} );

const FORM = 'ext.gadget.HelpdeskForm';

interface FakeMediaWiki {
	window: JSDOM['window'];
	/** The modules of each mw.loader.using() call. */
	using: string[][];
	loads: string[][];
	opened: number;
	navigations: string[];
}

/** A page with the landing page's button, the built loader and a stand-in for mw. */
function pageWithLoader( pageName: string, options: { search?: string; moduleLoads?: boolean; handedOver?: boolean; language?: string; failing?: string[] } = {} ): FakeMediaWiki {
	const navigations: string[] = [];
	const virtualConsole = new VirtualConsole();
	virtualConsole.on( 'jsdomError', ( error ) => {
		// jsdom cannot navigate; it says so, which is how the test sees the attempt.
		if ( /navigation/i.test( error.message ) ) {
			navigations.push( error.message );
		}
	} );
	const dom = new JSDOM(
		'<!DOCTYPE html><div id="mw-content-text"><p><span class="helpdesk-request-button">' +
		'<a href="https://meta.example/w/index.php?title=Content_Partnerships_Hub/Helpdesk/Requests/New&amp;action=edit&amp;preload=Template:Helpdesk_request/preload">Request support</a>' +
		'</span></p></div>',
		{ url: 'https://meta.example/wiki/' + pageName + ( options.search || '' ), runScripts: 'outside-only', virtualConsole: virtualConsole },
	);
	const fake: FakeMediaWiki = { window: dom.window, using: [], loads: [], opened: 0, navigations: navigations };
	const libs: Record<string, unknown> = {};
	const win = dom.window as unknown as Record<string, unknown>;
	if ( options.handedOver ) {
		dom.window.sessionStorage.setItem( EDITOR_KEY, '{}' );
	}
	const config: Record<string, string> = { wgPageName: pageName, wgUserLanguage: options.language || 'en' };
	win.mw = {
		config: { get: ( name: string ) => Object.prototype.hasOwnProperty.call( config, name ) ? config[ name ] : null },
		libs: libs,
		loader: {
			// As ResourceLoader: the promise fails when any of the modules fails.
			using: ( modules: string | string[] ) => {
				const asked = ( [] as string[] ).concat( modules );
				fake.using.push( asked );
				if ( options.moduleLoads === false || asked.some( ( module ) => ( options.failing || [] ).includes( module ) ) ) {
					return Promise.reject( new Error( 'module failed' ) );
				}
				libs.helpdeskForm = { open: () => fake.opened++ };
				return Promise.resolve();
			},
			load: ( modules: string | string[] ) => fake.loads.push( ( [] as string[] ).concat( modules ) ),
		},
	};
	win.$ = ( ready: () => void ) => ready();
	dom.window.eval( readFileSync( join( outDir, 'Gadget-HelpdeskLoader.js' ), 'utf8' ) );
	return fake;
}

function button( fake: FakeMediaWiki ): HTMLAnchorElement {
	return fake.window.document.querySelector( '.helpdesk-request-button a' ) as HTMLAnchorElement;
}

function click( fake: FakeMediaWiki, init: MouseEventInit = {} ): MouseEvent {
	const event = new fake.window.MouseEvent( 'click', Object.assign( { bubbles: true, cancelable: true, button: 0 }, init ) );
	button( fake ).dispatchEvent( event );
	return event;
}

const settle = (): Promise<void> => new Promise( ( resolve ) => {
	setTimeout( resolve, 0 );
} );

describe( 'the built loader', () => {
	const landing = 'Content_Partnerships_Hub/Helpdesk';

	it( 'turns the link into a button that loads and opens the form', async () => {
		const fake = pageWithLoader( landing );
		expect( button( fake ).getAttribute( 'role' ) ).toBe( 'button' );
		expect( button( fake ).getAttribute( 'aria-haspopup' ) ).toBe( 'dialog' );
		expect( fake.using ).toEqual( [] );
		const event = click( fake );
		expect( event.defaultPrevented ).toBe( true );
		expect( fake.using ).toEqual( [ [ FORM ] ] );
		expect( button( fake ).getAttribute( 'aria-busy' ) ).toBe( 'true' );
		await settle();
		expect( fake.opened ).toBe( 1 );
		expect( button( fake ).hasAttribute( 'aria-busy' ) ).toBe( false );
		expect( fake.navigations ).toEqual( [] );
	} );

	it( 'follows the link when the form module cannot load', async () => {
		const fake = pageWithLoader( landing, { moduleLoads: false } );
		click( fake );
		await settle();
		expect( fake.opened ).toBe( 0 );
		expect( fake.navigations ).toHaveLength( 1 );
		expect( button( fake ).hasAttribute( 'aria-busy' ) ).toBe( false );
	} );

	it.each( [
		[ 'sv', [ FORM, FORM + '-i18n-sv' ] ],
		[ 'de-at', [ FORM, FORM + '-i18n-de' ] ],
		[ 'AR', [ FORM, FORM + '-i18n-ar' ] ],
		[ 'en', [ FORM ] ],
		[ 'fi', [ FORM ] ],
		[ 'qqx', [ FORM ] ],
	] )( 'asks for the form and, in the same call, the translation of %s or of its base language', async ( language, modules ) => {
		const fake = pageWithLoader( landing, { language: language } );
		click( fake );
		expect( fake.using ).toEqual( [ modules ] );
		await settle();
		expect( fake.opened ).toBe( 1 );
	} );

	it( 'opens the form all the same when the translation fails to load (the form is then in English)', async () => {
		const fake = pageWithLoader( landing, { language: 'sv', failing: [ FORM + '-i18n-sv' ] } );
		click( fake );
		await settle();
		expect( fake.using ).toEqual( [ [ FORM, FORM + '-i18n-sv' ], [ FORM ] ] );
		expect( fake.opened ).toBe( 1 );
		expect( fake.navigations ).toEqual( [] );
	} );

	it( 'follows the link when the form fails to load, whatever the language', async () => {
		const fake = pageWithLoader( landing, { language: 'sv', failing: [ FORM ] } );
		click( fake );
		await settle();
		expect( fake.opened ).toBe( 0 );
		expect( fake.navigations ).toHaveLength( 1 );
	} );

	it( 'leaves a click with a modifier key to the browser (new tab)', () => {
		const fake = pageWithLoader( landing );
		expect( click( fake, { ctrlKey: true } ).defaultPrevented ).toBe( false );
		expect( fake.using ).toEqual( [] );
	} );

	it( 'opens the form by itself with ?helpdesk=form (coming back from logging in)', async () => {
		const fake = pageWithLoader( landing, { search: '?helpdesk=form' } );
		expect( fake.using ).toEqual( [ [ FORM ] ] );
		await settle();
		expect( fake.opened ).toBe( 1 );
	} );

	it( 'loads the form module where the form handed something over', () => {
		const fake = pageWithLoader( 'Content_Partnerships_Hub/Helpdesk/Requests/Scans', { handedOver: true } );
		expect( fake.loads ).toEqual( [ [ FORM ] ] );
		const swedish = pageWithLoader( 'Content_Partnerships_Hub/Helpdesk/Requests/Scans', { handedOver: true, language: 'sv' } );
		expect( swedish.loads ).toEqual( [ [ FORM, FORM + '-i18n-sv' ] ] );
		expect( pageWithLoader( 'Content_Partnerships_Hub/Helpdesk/Requests/Scans' ).loads ).toEqual( [] );
	} );

	it( 'does nothing outside the helpdesk pages, exactly as shared/pages.ts decides', () => {
		const names = [
			landing,
			'Content_Partnerships_Hub/Helpdesk/Requests/Scans',
			'Content Partnerships Hub/Helpdesk/Expert Committee',
			'Content_Partnerships_Hub/Helpdesks',
			'Content_Partnerships_Hub',
			'Talk:Content_Partnerships_Hub/Helpdesk',
			'Main_Page',
		];
		names.forEach( ( name ) => {
			const fake = pageWithLoader( name );
			expect( button( fake ).getAttribute( 'role' ) === 'button', name ).toBe( isHelpdeskPage( name ) );
		} );
		const elsewhere = pageWithLoader( 'Main_Page', { search: '?helpdesk=form', handedOver: true } );
		expect( elsewhere.using ).toEqual( [] );
		expect( elsewhere.loads ).toEqual( [] );
	} );
} );

interface FakeFormPage {
	/** The messages the form set, as mw.messages has them. */
	messages: Record<string, string>;
	/** The modules the form asked for, one mw.loader.using() call each. */
	asked: string[];
	notices: string[];
	libs: Record<string, unknown>;
}

/**
 * The built form module on a request page just filed, with a stand-in for mw whose
 * loader runs the built translation modules (or fails those in `failing`).
 */
async function pageWithForm( language: string, options: { chain?: string[]; failing?: string[]; preloaded?: string[] } = {} ): Promise<FakeFormPage> {
	const pageName = 'Content_Partnerships_Hub/Helpdesk/Requests/Scans';
	const dom = new JSDOM( '<!DOCTYPE html><div id="mw-content-text"></div>', { url: 'https://meta.example/wiki/' + pageName, runScripts: 'outside-only' } );
	const fake: FakeFormPage = { messages: {}, asked: [], notices: [], libs: {} };
	const win = dom.window as unknown as Record<string, unknown>;
	const session = dom.window.sessionStorage;
	session.setItem( FILED_KEY, JSON.stringify( { title: pageName, savedAt: new Date().toISOString() } ) );
	const config: Record<string, unknown> = { wgPageName: pageName, wgUserLanguage: language, wgAction: 'view', wgArticleId: 7, wgUserName: 'Requester' };
	const run = ( module: string ): void => {
		dom.window.eval( output( 'Gadget-' + module.replace( /^ext\.gadget\./, '' ) + '.js' ) );
	};
	win.mw = {
		config: { get: ( name: string ) => Object.prototype.hasOwnProperty.call( config, name ) ? config[ name ] : null },
		language: { getFallbackLanguageChain: () => options.chain || [ language, 'en' ] },
		libs: fake.libs,
		loader: {
			using: ( module: string ) => {
				fake.asked.push( module );
				if ( ( options.failing || [] ).includes( module ) ) {
					return Promise.reject( new Error( 'module failed' ) );
				}
				run( module );
				return Promise.resolve();
			},
		},
		messages: { set: ( messages: Record<string, string> ) => Object.assign( fake.messages, messages ) },
		message: ( key: string ) => ( { text: () => fake.messages[ key ] || '⧼' + key + '⧽' } ),
		notify: ( text: string ) => fake.notices.push( text ),
		storage: { session: {
			get: ( key: string ) => session.getItem( key ),
			set: ( key: string, value: string ) => session.setItem( key, value ) === undefined,
			remove: ( key: string ) => session.removeItem( key ) === undefined,
		} },
		util: { getUrl: ( title: string ) => '/wiki/' + title },
	};
	// The dialog's class extends OOUI's; nothing of OOUI runs before the form opens.
	win.OO = { ui: { ProcessDialog: function ProcessDialog() {
		// Never called: no dialog is made here.
	} } };
	( options.preloaded || [] ).forEach( run );
	run( FORM );
	for ( let i = 0; i < 3; i++ ) {
		await settle();
	}
	return fake;
}

describe( 'the built form module', () => {
	it.each( LANGUAGES )( 'loads the %s translation for a user of that language, and speaks it', async ( language ) => {
		const page = await pageWithForm( language );
		expect( page.asked ).toEqual( [ FORM + '-i18n-' + language ] );
		expect( page.messages ).toEqual( messageFile( language ) );
		expect( page.notices ).toEqual( [ messageFile( language )[ 'helpdesk-filed-notification' ] ] );
		expect( typeof ( page.libs.helpdeskForm as { open?: unknown } ).open ).toBe( 'function' );
	} );

	it( 'follows MediaWiki\'s fallback chain to the first language it has', async () => {
		const page = await pageWithForm( 'de-at', { chain: [ 'de-at', 'de', 'en' ] } );
		expect( page.asked ).toEqual( [ FORM + '-i18n-de' ] );
		expect( page.messages ).toEqual( messageFile( 'de' ) );
	} );

	it( 'asks for nothing the loader already brought', async () => {
		const page = await pageWithForm( 'sv', { preloaded: [ FORM + '-i18n-sv' ] } );
		expect( page.asked ).toEqual( [] );
		expect( page.messages ).toEqual( messageFile( 'sv' ) );
	} );

	it( 'speaks English, asking for nothing, to a user of English or of a language it lacks', async () => {
		for ( const language of [ 'en', 'fi' ] ) {
			const page = await pageWithForm( language );
			expect( page.asked, language ).toEqual( [] );
			expect( page.messages, language ).toEqual( english );
			expect( page.notices, language ).toEqual( [ english[ 'helpdesk-filed-notification' ] ] );
		}
	} );

	it( 'falls back to English when a translation module fails to load', async () => {
		const page = await pageWithForm( 'sv', { failing: [ FORM + '-i18n-sv' ] } );
		expect( page.asked ).toEqual( [ FORM + '-i18n-sv' ] );
		expect( page.messages ).toEqual( english );
		expect( page.notices ).toEqual( [ english[ 'helpdesk-filed-notification' ] ] );
	} );

	it( 'goes on down the chain past a module that fails', async () => {
		const page = await pageWithForm( 'de-at', { chain: [ 'de-at', 'sv', 'de', 'en' ], failing: [ FORM + '-i18n-sv' ] } );
		expect( page.asked ).toEqual( [ FORM + '-i18n-sv', FORM + '-i18n-de' ] );
		expect( page.messages ).toEqual( messageFile( 'de' ) );
	} );

	it( 'shows every message as its key with uselang=qqx, loading no translation', async () => {
		const page = await pageWithForm( 'qqx', { chain: [ 'qqx', 'en' ] } );
		expect( page.asked ).toEqual( [] );
		expect( Object.keys( page.messages ).sort() ).toEqual( Object.keys( english ).sort() );
		Object.keys( page.messages ).forEach( ( key ) => expect( page.messages[ key ] ).toBe( '(' + key + ')' ) );
		expect( page.notices ).toEqual( [ '(helpdesk-filed-notification)' ] );
	} );
} );
