import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import * as acorn from 'acorn';
import { JSDOM, VirtualConsole } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, BuildResult, guardNowiki, ROOT, wrapScript } from '../../scripts/build';
import { EDITOR_KEY } from '../../gadget/session-keys';
import { isHelpdeskPage } from '../../shared/pages';

const SCRIPTS = [ 'Gadget-HelpdeskLoader.js', 'Gadget-HelpdeskForm.js' ];
const BANNER = /^\/\/ Built from commit ([0-9a-f]{7,40}(-dirty)?|unknown) of .+ on \d{4}-\d\d-\d\d — do not edit here; edit the source and redeploy\n/;

let outDir: string;
let result: BuildResult;

function output( name: string ): string {
	return readFileSync( join( outDir, name ), 'utf8' );
}

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
	result = await build( outDir );
}, 60000 );

afterAll( () => {
	rmSync( outDir, { recursive: true, force: true } );
} );

describe( 'the build', () => {
	it( 'writes the gadget files', () => {
		expect( result.files.map( ( file ) => file.name ).sort() ).toEqual( [
			'Gadget-HelpdeskForm.css', 'Gadget-HelpdeskForm.js', 'Gadget-HelpdeskLoader.js', 'Gadgets-definition.txt',
		] );
		result.files.forEach( ( file ) => {
			expect( file.bytes ).toBeGreaterThan( 100 );
		} );
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

	it( 'keeps the loader tiny and free of shared page lists', () => {
		const loader = output( 'Gadget-HelpdeskLoader.js' );
		expect( Buffer.byteLength( loader ) ).toBeLessThan( 2048 );
		expect( result.inputs[ 'Gadget-HelpdeskLoader.js' ] ).toEqual( [ 'gadget/session-keys.ts', 'gadget/loader.ts' ] );
		expect( loader ).not.toContain( 'Expert Committee' );
	} );

	it( 'puts the messages into the form module', () => {
		const form = output( 'Gadget-HelpdeskForm.js' );
		expect( form ).toContain( 'Förhandsgranska' );
		expect( form ).toContain( 'طلب الدعم' );
		expect( form ).not.toMatch( /"@metadata":\s*\{/ );
	} );

	it( 'writes the CSS under a banner', () => {
		const css = output( 'Gadget-HelpdeskForm.css' );
		expect( css ).toMatch( /^\/\* Built from commit .+ — do not edit here; edit the source and redeploy \*\/\n/ );
		expect( css ).toContain( '.helpdesk-form' );
		expect( css ).not.toMatch( /\bleft\b|\bright\b/ );
	} );

	it( 'copies the gadget definition, two gadgets in MediaWiki 1.39 syntax', () => {
		const definition = output( 'Gadgets-definition.txt' );
		expect( definition ).toBe( readFileSync( join( ROOT, 'gadget/Gadgets-definition.txt' ), 'utf8' ) );
		const lines = definition.trim().split( '\n' );
		expect( lines ).toHaveLength( 2 );
		const gadgets = lines.map( ( line ) => {
			// The pattern of MediaWikiGadgetsDefinitionRepo::newFromDefinition, applied to two short lines.
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
		expect( dependencies ).toEqual( expect.arrayContaining( [ 'mediawiki.api', 'mediawiki.util', 'mediawiki.storage', 'mediawiki.jqueryMsg', 'oojs-ui-core', 'oojs-ui-widgets', 'oojs-ui-windows' ] ) );
		expect( gadgets[ 1 ].pages ).toEqual( [ 'HelpdeskForm.js', 'HelpdeskForm.css' ] );
		// Each page is a file of the build, as MediaWiki:Gadget-<page>.
		gadgets.forEach( ( gadget ) => gadget.pages.forEach( ( page ) => {
			expect( result.files.map( ( file ) => file.name ) ).toContain( 'Gadget-' + page );
		} ) );
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

interface FakeMediaWiki {
	window: JSDOM['window'];
	using: string[];
	loads: string[];
	opened: number;
	navigations: string[];
}

/** A page with the landing page's button, the built loader and a stand-in for mw. */
function pageWithLoader( pageName: string, options: { search?: string; moduleLoads?: boolean; handedOver?: boolean } = {} ): FakeMediaWiki {
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
	win.mw = {
		config: { get: ( name: string ) => name === 'wgPageName' ? pageName : null },
		libs: libs,
		loader: {
			using: ( module: string ) => {
				fake.using.push( module );
				if ( options.moduleLoads === false ) {
					return Promise.reject( new Error( 'module failed' ) );
				}
				libs.helpdeskForm = { open: () => fake.opened++ };
				return Promise.resolve();
			},
			load: ( module: string ) => fake.loads.push( module ),
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
		expect( fake.using ).toEqual( [ 'ext.gadget.HelpdeskForm' ] );
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

	it( 'leaves a click with a modifier key to the browser (new tab)', () => {
		const fake = pageWithLoader( landing );
		expect( click( fake, { ctrlKey: true } ).defaultPrevented ).toBe( false );
		expect( fake.using ).toEqual( [] );
	} );

	it( 'opens the form by itself with ?helpdesk=form (coming back from logging in)', async () => {
		const fake = pageWithLoader( landing, { search: '?helpdesk=form' } );
		expect( fake.using ).toEqual( [ 'ext.gadget.HelpdeskForm' ] );
		await settle();
		expect( fake.opened ).toBe( 1 );
	} );

	it( 'loads the form module where the form handed something over', () => {
		const fake = pageWithLoader( 'Content_Partnerships_Hub/Helpdesk/Requests/Scans', { handedOver: true } );
		expect( fake.loads ).toEqual( [ 'ext.gadget.HelpdeskForm' ] );
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
