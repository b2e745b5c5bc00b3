import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseTemplates } from 'mwn/build/wikitext.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { PARAMS, parseRequestPage } from '../../shared/codec';
import { CONTINENTS, COUNTRIES } from '../../shared/countries';
import {
	AGENDA_PAGE, CATEGORIES, COMMITTEE_PAGE, HELPDESK_PAGE, REQUEST_TABLE_PAGE, REQUESTS_PREFIX, STATISTICS_PAGE, TEMPLATES,
} from '../../shared/pages';
import { PARTNERSHIP_STAGES, SUPPORT_KINDS, TARGET_PROJECTS } from '../../shared/request';
import { normaliseStatus, STATUS_ALIASES, STATUSES, WORKING_GROUPS } from '../../shared/status';
import {
	COUNTRY_NAMES_PAGE, gadgetDefinitionLines, MANIFEST_FILE, onWikiPages, OnWikiPage, PAGES_DIR, readManifest, spellings, STATUS_CODE_TEMPLATE,
	REQUEST_I18N_PAGE, unsafeSignatures, VIEWS_I18N_PAGE, VIEWS_LANG_MESSAGE, viewsMessages, wikiJson,
} from '../../scripts/onwiki-pages';

let pages: OnWikiPage[];

function page( title: string ): string {
	const found = pages.find( ( candidate ) => candidate.title === title );
	if ( !found ) {
		throw new Error( 'No page ' + title );
	}
	return found.text;
}

/** The text of a page as transcluded: no <noinclude> parts, <includeonly> tags dropped. */
function transcluded( text: string ): string {
	return text.replace( /<noinclude>[\s\S]*?<\/noinclude>/g, '' ).replace( /<\/?includeonly>/g, '' );
}

/** Comments, <nowiki>, <pre> and extension tags blanked, as the preprocessor skips them. */
function withoutInert( text: string ): string {
	// eslint-disable-next-line security/detect-unsafe-regex -- linear: each alternative ends at a fixed closing text
	return text.replace( /<!--[\s\S]*?-->|<(nowiki|pre|templatedata|syntaxhighlight)(?:\s[^>]*)?>[\s\S]*?<\/\1>/g, '' );
}

interface SwitchCase {
	/** The case strings (fall-through cases and the one with `=`), trimmed. */
	labels: string[];
	value: string;
}

interface ParserSwitch {
	/** What is compared, as written. */
	primary: string;
	cases: SwitchCase[];
}

/** Index just after the `}}` closing the braces opened at `start`. */
function closingBraces( text: string, start: number ): number {
	let depth = 0;
	for ( let i = start; i < text.length; i++ ) {
		if ( text.startsWith( '{{', i ) ) {
			depth++;
			i++;
		} else if ( text.startsWith( '}}', i ) ) {
			depth--;
			i++;
			if ( depth === 0 ) {
				return i + 1;
			}
		}
	}
	throw new Error( 'Unbalanced braces from ' + text.slice( start, start + 60 ) );
}

/** Splits at `separator` where no `{{ }}` or `[[ ]]` is open. */
function splitTopLevel( text: string, separator: string, limit = Infinity ): string[] {
	const parts: string[] = [];
	let depth = 0;
	let start = 0;
	for ( let i = 0; i < text.length; i++ ) {
		if ( text.startsWith( '{{', i ) || text.startsWith( '[[', i ) ) {
			depth++;
			i++;
		} else if ( text.startsWith( '}}', i ) || text.startsWith( ']]', i ) ) {
			depth--;
			i++;
		} else if ( depth === 0 && text[ i ] === separator && parts.length < limit - 1 ) {
			parts.push( text.slice( start, i ) );
			start = i + 1;
		}
	}
	parts.push( text.slice( start ) );
	return parts;
}

/** Every `{{#switch:}}` of a text, nested ones included, in the order they start. */
function switches( text: string ): ParserSwitch[] {
	const found: ParserSwitch[] = [];
	const source = withoutInert( text );
	let from = 0;
	let start: number;
	while ( ( start = source.indexOf( '{{#switch:', from ) ) !== -1 ) {
		const end = closingBraces( source, start );
		const [ primary, ...args ] = splitTopLevel( source.slice( start + '{{#switch:'.length, end - 2 ), '|' );
		const cases: SwitchCase[] = [];
		let pending: string[] = [];
		for ( const arg of args ) {
			const [ label, value ] = splitTopLevel( arg, '=', 2 );
			pending.push( label.trim() );
			if ( value !== undefined ) {
				cases.push( { labels: pending, value: value.trim() } );
				pending = [];
			}
		}
		found.push( { primary: primary.trim(), cases: cases } );
		from = start + 2;
	}
	return found;
}

/** A case value without the switches nested in it. */
function ownValue( value: string ): string {
	let start: number;
	while ( ( start = value.indexOf( '{{#switch:' ) ) !== -1 ) {
		value = value.slice( 0, start ) + value.slice( closingBraces( value, start ) );
	}
	return value;
}

/** The switch of a text whose own case values include `marker`. */
function switchWith( text: string, marker: string ): ParserSwitch {
	const found = switches( text ).filter( ( candidate ) => candidate.cases.some( ( entry ) => ownValue( entry.value ).includes( marker ) ) );
	expect( found, 'one switch with ' + marker ).toHaveLength( 1 );
	return found[ 0 ];
}

function caseMap( parserSwitch: ParserSwitch ): Map<string, string> {
	const map = new Map<string, string>();
	for ( const entry of parserSwitch.cases ) {
		for ( const label of entry.labels ) {
			expect( map.has( label ), 'case "' + label + '" once' ).toBe( false );
			map.set( label, entry.value );
		}
	}
	return map;
}

function statusCases( parserSwitch: ParserSwitch ): string[] {
	return Array.from( caseMap( parserSwitch ).keys() ).filter( ( label ) => label !== '#default' ).sort();
}

function templateDataBlocks( text: string ): unknown[] {
	return Array.from( text.matchAll( /<templatedata>([\s\S]*?)<\/templatedata>/g ) ).map( ( match ) => JSON.parse( match[ 1 ] ) );
}

const ROOT_KEYS = [ 'description', 'params', 'paramOrder', 'sets', 'maps', 'format' ];
const PARAM_KEYS = [ 'label', 'required', 'suggested', 'description', 'example', 'deprecated', 'aliases', 'autovalue', 'default', 'inherits', 'type', 'suggestedvalues' ];
const TYPES = [ 'content', 'line', 'number', 'boolean', 'string', 'date', 'unbalanced-wikitext', 'unknown', 'url', 'wiki-page-name', 'wiki-user-name', 'wiki-file-name', 'wiki-template-name' ];

interface TemplateDataParam {
	label?: string;
	description?: string;
	type?: string;
	required?: boolean;
	suggestedvalues?: string[];
}

interface TemplateData {
	description: string;
	format?: string;
	params: Record<string, TemplateDataParam>;
	paramOrder?: string[];
}

/** The checks of the TemplateData extension's validator (TemplateDataValidator.php). */
function checkTemplateData( data: unknown ): TemplateData {
	expect( data ).toBeTypeOf( 'object' );
	const root = data as Record<string, unknown>;
	expect( Object.keys( root ).filter( ( key ) => !ROOT_KEYS.includes( key ) ) ).toEqual( [] );
	expect( root.description ).toBeTypeOf( 'string' );
	if ( root.format !== undefined ) {
		expect( [ 'block', 'inline' ] ).toContain( root.format );
	}
	const params = root.params as Record<string, Record<string, unknown>>;
	expect( params ).toBeTypeOf( 'object' );
	for ( const [ name, param ] of Object.entries( params ) ) {
		expect( Object.keys( param ).filter( ( key ) => !PARAM_KEYS.includes( key ) ), name ).toEqual( [] );
		expect( param.label, name ).toBeTypeOf( 'string' );
		expect( param.description, name ).toBeTypeOf( 'string' );
		expect( TYPES, name ).toContain( param.type );
		for ( const flag of [ 'required', 'suggested' ] ) {
			if ( param[ flag ] !== undefined ) {
				expect( param[ flag ], name + '.' + flag ).toBeTypeOf( 'boolean' );
			}
		}
		if ( param.suggestedvalues !== undefined ) {
			expect( Array.isArray( param.suggestedvalues ) ).toBe( true );
			( param.suggestedvalues as unknown[] ).forEach( ( value ) => expect( value ).toBeTypeOf( 'string' ) );
		}
	}
	const order = root.paramOrder as string[] | undefined;
	if ( order ) {
		expect( order.slice().sort() ).toEqual( Object.keys( params ).sort() );
	}
	return data as TemplateData;
}

/** WCAG 2 relative luminance of `#rgb` or `#rrggbb`. */
function luminance( colour: string ): number {
	let hex = colour.replace( '#', '' );
	if ( hex.length === 3 ) {
		hex = hex.split( '' ).map( ( digit ) => digit + digit ).join( '' );
	}
	const [ r, g, b ] = [ 0, 2, 4 ].map( ( at ) => {
		const channel = parseInt( hex.slice( at, at + 2 ), 16 ) / 255;
		return channel <= 0.03928 ? channel / 12.92 : Math.pow( ( channel + 0.055 ) / 1.055, 2.4 );
	} );
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast( a: string, b: string ): number {
	const [ light, dark ] = [ luminance( a ), luminance( b ) ].sort( ( x, y ) => y - x );
	return ( light + 0.05 ) / ( dark + 0.05 );
}

/** The colour a declaration sets, taking the fallback of `var(--x, #abc)`. */
function colourOf( style: string, property: string ): string | null {
	const match = new RegExp( '(?:^|[;\\s"])' + property + '\\s*:\\s*(?:var\\(\\s*--[\\w-]+\\s*,\\s*)?(#[0-9a-fA-F]{3,6})\\b' ).exec( style );
	return match ? match[ 1 ].toLowerCase() : null;
}

beforeAll( async () => {
	pages = await onWikiPages( { distDir: join( tmpdir(), 'helpdesk-no-dist-here' ) } );
} );

describe( 'manifest', () => {
	it( 'lists every file of shared/pages and only existing files, each title once', async () => {
		const manifest = await readManifest();
		const files = readdirSync( PAGES_DIR )
			.filter( ( file ) => join( PAGES_DIR, file ) !== MANIFEST_FILE && statSync( join( PAGES_DIR, file ) ).isFile() ).sort();
		expect( manifest.map( ( entry ) => entry.file ).sort() ).toEqual( files );
		manifest.forEach( ( entry ) => expect( existsSync( join( PAGES_DIR, entry.file ) ), entry.file ).toBe( true ) );
		const titles = pages.map( ( candidate ) => candidate.title );
		expect( new Set( titles ).size ).toBe( titles.length );
	} );

	it( 'has every template, page and category the gadget and the bot name', () => {
		const titles = pages.map( ( candidate ) => candidate.title );
		for ( const template of Object.values( TEMPLATES ) ) {
			expect( titles ).toContain( 'Template:' + template );
		}
		for ( const category of Object.values( CATEGORIES ) ) {
			expect( titles ).toContain( 'Category:' + category );
		}
		expect( titles ).toContain( HELPDESK_PAGE );
		expect( titles ).toContain( COMMITTEE_PAGE );
		expect( titles ).toContain( 'Template:' + STATUS_CODE_TEMPLATE );
		expect( titles ).toContain( 'Module:Helpdesk request' );
	} );

	it( 'gives the modules and JSON pages their content model and leaves wikitext pages at the default', () => {
		expect( pages.find( ( candidate ) => candidate.title === 'Module:Helpdesk request' )?.contentModel ).toBe( 'Scribunto' );
		expect( Object.fromEntries( pages.filter( ( candidate ) => candidate.contentModel !== undefined )
			.map( ( candidate ) => [ candidate.title, candidate.contentModel ] ) ) ).toEqual( {
			'Module:Helpdesk request': 'Scribunto',
			'Module:Helpdesk views': 'Scribunto',
			'Module:Helpdesk views/faq': 'Scribunto',
			'Module:Helpdesk views/faq/i18n.json': 'json',
			'Content Partnerships Hub/Helpdesk/Settings.json': 'json',
			[ VIEWS_I18N_PAGE ]: 'json',
			[ REQUEST_I18N_PAGE ]: 'json',
			[ COUNTRY_NAMES_PAGE ]: 'json',
		} );
	} );

	it( 'installs the messages of the views as one JSON page, English first, and a language page for each translation', async () => {
		const messages = await viewsMessages();
		expect( Object.keys( messages ) ).toEqual( [ 'en', 'ar', 'de', 'es', 'fr', 'sv' ] );
		for ( const code of Object.keys( messages ) ) {
			expect( Object.keys( messages[ code ] ).sort(), code ).toEqual( Object.keys( messages.en ).sort() );
			expect( page( VIEWS_LANG_MESSAGE + ( code === 'en' ? '' : '/' + code ) ) ).toBe( code );
		}
		expect( JSON.parse( page( VIEWS_I18N_PAGE ) ) ).toEqual( messages );
		expect( page( VIEWS_I18N_PAGE ) ).toBe( wikiJson( messages ) );
		expect( wikiJson( { a: '<&>' } ) ).toBe( '{\n\t"a": "\\u003C\\u0026\\u003E"\n}' );
	} );

	it( 'makes the table, statistics and agenda pages views of the data pages', () => {
		expect( page( REQUEST_TABLE_PAGE ) ).toContain( '{{#invoke:Helpdesk views|table}}' );
		expect( page( STATISTICS_PAGE ) ).toContain( '{{#invoke:Helpdesk views|statistics}}' );
		expect( page( AGENDA_PAGE ) ).toContain( '{{#invoke:Helpdesk views|agenda}}' );
	} );

	it( 'labels the two gadgets a user can see in Special:Preferences and Special:Gadgets, briefly, linking the Helpdesk', () => {
		const definition = readFileSync( resolve( PAGES_DIR, '../../gadget/Gadgets-definition.txt' ), 'utf8' );
		for ( const gadget of [ 'HelpdeskLoader', 'HelpdeskForm' ] ) {
			expect( definition ).toMatch( new RegExp( '^\\* ' + gadget + '\\[', 'm' ) );
			const label = page( 'MediaWiki:Gadget-' + gadget );
			expect( label, gadget ).not.toContain( '\n' );
			expect( label.length, gadget ).toBeLessThan( 200 );
			expect( label, gadget ).toContain( '[[' + HELPDESK_PAGE + '|' );
		}
		// Only the default gadget shows in the preferences: its label names the form a user knows.
		expect( page( 'MediaWiki:Gadget-HelpdeskLoader' ) ).toMatch( /Request support/ );
	} );

	it( 'returns texts as MediaWiki stores them, without trailing whitespace', () => {
		pages.forEach( ( candidate ) => expect( candidate.text, candidate.title ).toBe( candidate.text.replace( /\s+$/, '' ) ) );
	} );
} );

describe( 'gadget pages from dist/', () => {
	it( 'adds each built Gadget-*.js and .css as a MediaWiki: page, and reads the definition lines', async () => {
		const dist = await mkdtemp( join( tmpdir(), 'helpdesk-dist-' ) );
		try {
			await writeFile( join( dist, 'Gadget-HelpdeskLoader.js' ), '// <nowiki>\nmw.hook();\n// </nowiki>\n' );
			await writeFile( join( dist, 'Gadget-HelpdeskForm.js' ), 'form();\n' );
			await writeFile( join( dist, 'Gadget-HelpdeskForm.css' ), '.helpdesk { color: red; }\n' );
			await writeFile( join( dist, 'Gadget-HelpdeskForm-i18n-pt-br.js' ), 'register();\n' );
			await writeFile( join( dist, 'Gadget-HelpdeskForm.js.map' ), '{}' );
			await writeFile( join( dist, 'Gadgets-definition.txt' ), '* HelpdeskLoader[ResourceLoader|default]|HelpdeskLoader.js\n' );
			const withGadget = await onWikiPages( { distDir: dist } );
			const gadget = withGadget.filter( ( candidate ) => /^MediaWiki:Gadget-.*\.(js|css)$/.test( candidate.title ) );
			expect( gadget ).toEqual( [
				{ title: 'MediaWiki:Gadget-HelpdeskForm-i18n-pt-br.js', text: 'register();', contentModel: 'javascript' },
				{ title: 'MediaWiki:Gadget-HelpdeskForm.css', text: '.helpdesk { color: red; }', contentModel: 'css' },
				{ title: 'MediaWiki:Gadget-HelpdeskForm.js', text: 'form();', contentModel: 'javascript' },
				{ title: 'MediaWiki:Gadget-HelpdeskLoader.js', text: '// <nowiki>\nmw.hook();\n// </nowiki>', contentModel: 'javascript' },
			] );
			expect( withGadget.length ).toBe( pages.length + 4 );
			expect( await gadgetDefinitionLines( { distDir: dist } ) ).toBe( '* HelpdeskLoader[ResourceLoader|default]|HelpdeskLoader.js' );
		} finally {
			await rm( dist, { recursive: true } );
		}
	} );

	it( 'has no gadget pages without dist/, and says to build when the definition is missing', async () => {
		expect( pages.filter( ( candidate ) => /^MediaWiki:Gadget-.*\.(js|css)$/.test( candidate.title ) ) ).toEqual( [] );
		await expect( gadgetDefinitionLines( { distDir: join( tmpdir(), 'helpdesk-no-dist-here' ) } ) ).rejects.toThrow( /npm run build/ );
	} );
} );

describe( 'unsafeSignatures', () => {
	it( 'finds signatures and substitutions that would be replaced on save, with their line', () => {
		expect( unsafeSignatures( 'Thanks ~~~~' ) ).toEqual( [ 'line 1: ~~~~' ] );
		expect( unsafeSignatures( 'a\n~~~\nb ~~~~~' ) ).toEqual( [ 'line 2: ~~~', 'line 3: ~~~~~' ] );
		expect( unsafeSignatures( '{{subst:PAGENAME}} {{ SafeSubst:x}}' ) ).toEqual( [ 'line 1: {{subst:', 'line 1: {{ SafeSubst:' ] );
		expect( unsafeSignatures( '<nowiki>x</nowiki> ~~~~ <nowiki>y</nowiki>' ) ).toEqual( [ 'line 1: ~~~~' ] );
		expect( unsafeSignatures( '<nowiki>never closed ~~~~' ) ).toEqual( [ 'line 1: ~~~~' ] );
	} );

	it( 'leaves alone what is in comments, <nowiki>, <pre> and <syntaxhighlight>', () => {
		const safe = [
			'<nowiki>~~~~ {{subst:x}}</nowiki>',
			'<NOWIKI>~~~~</NOWIKI >',
			'~~<nowiki/>~~',
			'<!-- sign with ~~~~ -->',
			'<!-- an unclosed comment runs to the end ~~~~',
			'<pre>\n{{Helpdesk sign-off|kind=feedback|member=X}} ~~~~\n</pre>',
			'<syntaxhighlight lang="wikitext">~~~~</syntaxhighlight>',
			'// <nowiki>\nconst sig = "~~~~";\n// </nowiki>',
			'~~ and ~',
		];
		safe.forEach( ( text ) => expect( unsafeSignatures( text ), text ).toEqual( [] ) );
	} );

	it( 'finds nothing to replace in any page', () => {
		pages.forEach( ( candidate ) => expect( unsafeSignatures( candidate.text ), candidate.title ).toEqual( [] ) );
	} );
} );

describe( 'wikitext', () => {
	it( 'has balanced braces, brackets and include tags in every page', () => {
		for ( const candidate of pages.filter( ( entry ) => !entry.contentModel ) ) {
			const text = withoutInert( candidate.text );
			const count = ( pattern: RegExp ): number => ( text.match( pattern ) || [] ).length;
			expect( count( /\{/g ), candidate.title ).toBe( count( /\}/g ) );
			expect( count( /\[\[/g ), candidate.title ).toBe( count( /\]\]/g ) );
			for ( const tag of [ 'includeonly', 'noinclude' ] ) {
				expect( count( new RegExp( '<' + tag + '>', 'g' ) ), candidate.title ).toBe( count( new RegExp( '</' + tag + '>', 'g' ) ) );
			}
		}
	} );

	it( 'opens and closes the HTML elements of each template in order', () => {
		for ( const candidate of pages.filter( ( entry ) => entry.title.startsWith( 'Template:' ) ) ) {
			const open: string[] = [];
			const tags = withoutInert( transcluded( candidate.text ) ).matchAll( /<(\/?)(div|span|table|tr|th|td|code|bdi|b|i)\b[^>]*>/g );
			for ( const [ , closing, name ] of tags ) {
				if ( closing ) {
					expect( open.pop(), candidate.title + ': </' + name + '>' ).toBe( name );
				} else {
					open.push( name );
				}
			}
			expect( open, candidate.title ).toEqual( [] );
		}
	} );

	it( 'has valid TemplateData on every template people call', () => {
		for ( const template of [ TEMPLATES.request, TEMPLATES.statusBadge, TEMPLATES.committeeMember, 'Helpdesk sign-off' ] ) {
			const blocks = templateDataBlocks( page( 'Template:' + template ) );
			expect( blocks, template ).toHaveLength( 1 );
			checkTemplateData( blocks[ 0 ] );
		}
	} );
} );

describe( 'Template:Helpdesk request', () => {
	let request: string;
	beforeAll( () => {
		request = page( 'Template:' + TEMPLATES.request );
	} );

	it( 'documents exactly the parameters of the codec, in its order, as a block template', () => {
		const data = checkTemplateData( templateDataBlocks( request )[ 0 ] );
		expect( data.format ).toBe( 'block' );
		expect( data.paramOrder ).toEqual( PARAMS.map( ( param ) => param.name ) );
		expect( Object.keys( data.params ).sort() ).toEqual( PARAMS.map( ( param ) => param.name ).sort() );
		const required = Object.keys( data.params ).filter( ( name ) => data.params[ name ].required );
		expect( required.sort() ).toEqual( [ 'requester', 'title' ] );
	} );

	it( 'suggests exactly the codes of the model for the code parameters', () => {
		const data = templateDataBlocks( request )[ 0 ] as TemplateData;
		expect( data.params.status.suggestedvalues ).toEqual( [ ...STATUSES ] );
		expect( data.params.working_group.suggestedvalues ).toEqual( [ ...WORKING_GROUPS ] );
		expect( data.params.support.suggestedvalues ).toEqual( [ ...SUPPORT_KINDS ] );
		expect( data.params.stage.suggestedvalues ).toEqual( [ ...PARTNERSHIP_STAGES ] );
		expect( data.params.projects.suggestedvalues ).toEqual( [ ...TARGET_PROJECTS ] );
	} );

	it( 'uses every parameter of the codec', () => {
		const body = transcluded( request );
		PARAMS.forEach( ( param ) => expect( body, param.name ).toContain( '{{{' + param.name + '|' ) );
	} );

	it( 'has a category for every status, each with its category page, and needs attention otherwise', () => {
		const categories = switchWith( request, '[[Category:' );
		expect( statusCases( categories ) ).toEqual( [ ...STATUSES ].sort() );
		const titles = pages.map( ( candidate ) => candidate.title );
		for ( const [ label, value ] of caseMap( categories ) ) {
			const category = /^\[\[Category:([^\]]+)\]\]$/.exec( value );
			expect( category, label ).not.toBeNull();
			expect( titles ).toContain( 'Category:' + ( category as RegExpExecArray )[ 1 ] );
			if ( label === '#default' ) {
				expect( ( category as RegExpExecArray )[ 1 ] ).toBe( CATEGORIES.needsAttention );
			} else {
				expect( ( category as RegExpExecArray )[ 1 ] ).toMatch( new RegExp( '^' + CATEGORIES.requests + ' – ' ) );
			}
		}
		expect( request ).toContain( '[[Category:' + CATEGORIES.requests + ']]' );
	} );

	it( 'categorises only subpages of the requests prefix in the main namespace, unless nocat', () => {
		const prefix = REQUESTS_PREFIX.replace( /\/$/, '' );
		const depth = prefix.split( '/' ).length;
		expect( request ).toContain( '{{#ifeq:{{NAMESPACE}}|{{ns:0}}|{{#ifeq:{{#titleparts:{{PAGENAME}}|' + depth + '}}|' + prefix +
			'|{{#if:{{#titleparts:{{PAGENAME}}|1|' + ( depth + 1 ) + '}}|{{#if:{{{nocat|}}}||[[Category:' + CATEGORIES.requests + ']]' );
		// Every category link of the template is inside that condition.
		const conditioned = request.indexOf( '{{#ifeq:{{NAMESPACE}}|{{ns:0}}|{{#ifeq:{{#titleparts' );
		const end = closingBraces( request, conditioned );
		const outside = transcluded( request.slice( 0, conditioned ) + request.slice( end ) );
		expect( outside ).not.toMatch( /\[\[Category:/ );
	} );

	it( 'shows a request page that the codec reads back: the example in its documentation', () => {
		const example = /<pre>\n(\{\{Helpdesk request[\s\S]*?)<\/pre>/.exec( request );
		expect( example ).not.toBeNull();
		const text = ( example as RegExpExecArray )[ 1 ].replace( /&amp;/g, '&' );
		const parsed = parseRequestPage( text );
		expect( parsed.ok ).toBe( true );
		if ( parsed.ok ) {
			expect( parsed.unknownParameters ).toEqual( [] );
			expect( parsed.warnings ).toEqual( [] );
			expect( parsed.request.links ).toEqual( [ 'https://smart.servier.com/' ] );
		}
	} );
} );

describe( 'statuses', () => {
	it( 'understands every status and every alias the bot knows, in every spelling, and nothing else', () => {
		const codeTemplate = switchWith( page( 'Template:' + STATUS_CODE_TEMPLATE ), 'initial-feedback' );
		expect( codeTemplate.primary ).toBe( '{{lc:{{{1|}}}}}' );
		const cases = caseMap( codeTemplate );
		expect( cases.get( '' ) ).toBe( 'submitted' );
		expect( cases.get( '#default' ) ).toBe( '' );
		for ( const written of [ ...STATUSES, ...Object.keys( STATUS_ALIASES ) ] ) {
			const words = written.split( /[\s_-]+/ );
			for ( const form of spellings( words ) ) {
				expect( cases.get( form ), form ).toBe( normaliseStatus( form ) );
			}
		}
		for ( const [ label, status ] of cases ) {
			if ( label !== '#default' && label !== '' ) {
				expect( normaliseStatus( label ), label ).toBe( status );
				expect( label ).toBe( label.toLowerCase() );
			}
		}
	} );

	it( 'spells a status every way its words can be joined', () => {
		expect( spellings( [ 'on', 'hold' ] ) ).toEqual( [ 'on hold', 'on-hold', 'on_hold' ] );
		expect( spellings( [ 'withdrawn', 'by', 'requester' ] ) ).toHaveLength( 9 );
		expect( spellings( [ 'done' ] ) ).toEqual( [ 'done' ] );
	} );

	it( 'has a badge with a colour, a label and an explanation for every status', () => {
		const badge = page( 'Template:' + TEMPLATES.statusBadge + '/badge' );
		// The label and the tooltip are messages (test/unit/request-page/templates.test.ts).
		for ( const marker of [ 'background-color' ] ) {
			const parserSwitch = switchWith( badge, marker );
			expect( parserSwitch.primary ).toBe( '{{{1|}}}' );
			expect( statusCases( parserSwitch ), marker ).toEqual( [ ...STATUSES ].sort() );
			expect( caseMap( parserSwitch ).has( '#default' ), marker ).toBe( true );
		}
		expect( transcluded( page( 'Template:' + TEMPLATES.statusBadge ) ) )
			.toBe( '{{Helpdesk status/badge|{{' + STATUS_CODE_TEMPLATE + '|{{{1|}}}}}|{{{1|}}}|size={{{size|}}}}}' );
	} );

	it( 'gives the text of every badge a contrast of at least 4.5:1 with its background, as documented', () => {
		const styles = caseMap( switchWith( page( 'Template:' + TEMPLATES.statusBadge + '/badge' ), 'background-color' ) );
		const documented = new Map<string, string[]>();
		for ( const row of page( 'Template:' + TEMPLATES.statusBadge ).matchAll( /^\| (?:<code>([a-z-]+)<\/code>|\(not a status\)) \|\| .* \|\| <code>(#\w+)<\/code> \|\| <code>(#\w+)<\/code> \|\| ([\d.]+):1$/gm ) ) {
			documented.set( row[ 1 ] || '#default', [ row[ 2 ], row[ 3 ], row[ 4 ] ] );
		}
		expect( documented.size ).toBe( STATUSES.length + 1 );
		for ( const [ status, style ] of styles ) {
			const background = colourOf( style, 'background-color' );
			const text = colourOf( style, 'color' );
			expect( background, status ).not.toBeNull();
			expect( text, status ).not.toBeNull();
			const ratio = contrast( background as string, text as string );
			expect( ratio, status ).toBeGreaterThanOrEqual( 4.5 );
			expect( documented.get( status ), status ).toEqual( [ background, text, ratio.toFixed( 1 ) ] );
		}
	} );

	it( 'keeps every text on a coloured box legible: sign-offs, notices and boxes', () => {
		const signOff = page( 'Template:Helpdesk sign-off' );
		const signOffText = colourOf( /style="[^"]*border-radius:2px; (color:#[0-9a-f]+)/.exec( signOff )?.[ 1 ] || '', 'color' );
		expect( signOffText ).toBe( '#202122' );
		const backgrounds = caseMap( switchWith( signOff, 'background-color' ) );
		expect( backgrounds.size ).toBeGreaterThanOrEqual( 4 );
		for ( const [ kind, style ] of backgrounds ) {
			expect( contrast( colourOf( style, 'background-color' ) as string, signOffText as string ), kind ).toBeGreaterThanOrEqual( 4.5 );
		}
		let checked = 0;
		for ( const candidate of pages ) {
			for ( const [ , style ] of candidate.text.matchAll( /style="([^"]*)"/g ) ) {
				const background = colourOf( style, 'background-color' );
				const text = colourOf( style, 'color' );
				if ( background && text ) {
					expect( contrast( background, text ), candidate.title + ': ' + style ).toBeGreaterThanOrEqual( 4.5 );
					checked++;
				}
			}
		}
		expect( checked ).toBeGreaterThanOrEqual( 5 );
	} );
} );

describe( 'labels of codes', () => {
	let module: string;
	beforeAll( () => {
		module = page( 'Module:Helpdesk request' );
	} );

	function labels( set: string ): Map<string, string> {
		const block = new RegExp( '\\n\\t' + set + ' = \\{\\n([\\s\\S]*?)\\n\\t\\},' ).exec( module );
		expect( block, set ).not.toBeNull();
		const found = new Map<string, string>();
		for ( const [ , code, label ] of ( block as RegExpExecArray )[ 1 ].matchAll( /\['([a-z-]+)'\] = '([^']+)',/g ) ) {
			found.set( code, label );
		}
		return found;
	}

	it( 'has a label for every kind of support, stage, project and working group, and no other', () => {
		expect( Array.from( labels( 'support' ).keys() ) ).toEqual( [ ...SUPPORT_KINDS ] );
		expect( Array.from( labels( 'stage' ).keys() ) ).toEqual( [ ...PARTNERSHIP_STAGES ] );
		expect( Array.from( labels( 'projects' ).keys() ) ).toEqual( [ ...TARGET_PROJECTS ] );
		expect( Array.from( labels( 'working_group' ).keys() ) ).toEqual( [ ...WORKING_GROUPS ] );
	} );

	it( 'uses the English labels of the request form, so that a request reads as it was filed', () => {
		const formMessages = resolve( PAGES_DIR, '../../gadget/i18n/en.json' );
		const messages: Record<string, string> = existsSync( formMessages ) ? JSON.parse( readFileSync( formMessages, 'utf8' ) ) : {};
		let compared = 0;
		for ( const [ set, prefix ] of [ [ 'support', 'helpdesk-support-' ], [ 'stage', 'helpdesk-stage-' ], [ 'projects', 'helpdesk-project-' ] ] ) {
			for ( const [ code, label ] of labels( set ) ) {
				if ( messages[ prefix + code ] !== undefined ) {
					expect( label, code ).toBe( messages[ prefix + code ] );
					compared++;
				}
			}
		}
		expect( compared === 0 || compared === SUPPORT_KINDS.length + PARTNERSHIP_STAGES.length + TARGET_PROJECTS.length ).toBe( true );
	} );

	it( 'is called by the request template for each set of codes', () => {
		const body = transcluded( page( 'Template:' + TEMPLATES.request ) );
		for ( const set of [ 'support', 'stage', 'projects', 'working_group' ] ) {
			expect( body ).toContain( '{{#invoke:Helpdesk request|labels|' + set + '|{{{' + set + '}}}}}' );
		}
		expect( body ).toContain( '{{#invoke:Helpdesk request|lines|{{{description}}}}}' );
	} );

	const lua = [ '/usr/bin/lua5.1', '/usr/bin/lua' ].find( ( path ) => existsSync( path ) );

	it.skipIf( !lua )( 'turns code lists into labels, and keeps the line breaks of free text, when run by Lua 5.1', async () => {
		// The mw.text functions the module uses, as Scribunto defines them for this input.
		const script = [
			'mw = { text = {',
			'  nowiki = function ( s ) return ( s:gsub( "[<>&]", function ( c ) return "&#" .. string.byte( c ) .. ";" end ) ) end,',
			'  decode = function ( s ) return ( s:gsub( "&#(%d+);", function ( n ) return string.char( tonumber( n ) ) end ) ) end,',
			'} }',
			'local p = dofile( arg[ 1 ] )',
			'for line in io.lines( arg[ 2 ] ) do',
			'  local set, text = line:match( "^([%w_]+)\\t(.*)$" )',
			'  text = text:gsub( "\\\\n", "\\n" )',
			'  local out = set == "lines" and p.lines( { args = { text } } ) or p.labels( { args = { set, text } } )',
			'  io.write( ( out:gsub( "\\n", "\\\\n" ) ), "\\n" )',
			'end',
		].join( '\n' );
		const cases: [ string, string, string ][] = [
			[ 'support', SUPPORT_KINDS.join( ', ' ), Array.from( labels( 'support' ).values() ).join( ', ' ) ],
			[ 'projects', TARGET_PROJECTS.join( ',' ), Array.from( labels( 'projects' ).values() ).join( ', ' ) ],
			[ 'stage', PARTNERSHIP_STAGES[ 3 ], labels( 'stage' ).get( PARTNERSHIP_STAGES[ 3 ] ) as string ],
			[ 'support', 'Mass upload; COPYRIGHT\\n* mass_upload', 'Mass upload of media files, Copyright and licensing' ],
			[ 'support', 'copyright, paperwork&#60;', 'Copyright and licensing, <span class="helpdesk-unknown-code" title="Not a code the Helpdesk knows">paperwork&#60; (?)</span>' ],
			[ 'working_group', 'Project planning and feedback', 'Project planning and feedback' ],
			[ 'working_group', 'content_use', 'Use of the content' ],
			[ 'lines', 'We need help.\\n&#42; one\\n&#42; two\\n\\n\\n  \\nSecond part', 'We need help.<br />&#42; one<br />&#42; two\\n\\nSecond part' ],
		];
		const dir = await mkdtemp( join( tmpdir(), 'helpdesk-lua-' ) );
		try {
			await writeFile( join( dir, 'cases.tsv' ), cases.map( ( [ set, text ] ) => set + '\t' + text ).join( '\n' ) + '\n' );
			await writeFile( join( dir, 'run.lua' ), script );
			const output = execFileSync( lua as string, [ join( dir, 'run.lua' ), join( PAGES_DIR, 'Module-Helpdesk_request.lua' ), join( dir, 'cases.tsv' ) ], { encoding: 'utf8' } ).split( '\n' );
			cases.forEach( ( [ set, text, expected ], i ) => expect( output[ i ], set + ': ' + text ).toBe( expected ) );
		} finally {
			await rm( dir, { recursive: true } );
		}
	} );
} );

describe( 'Template:Helpdesk request/country and the country names', () => {
	it( 'asks Module:Helpdesk request for the name, with the request\'s language and the reader\'s language given by a view', () => {
		expect( page( 'Template:' + TEMPLATES.countryName ) ).toMatch(
			/^<includeonly>\{\{#invoke:Helpdesk request\|country\|\{\{\{1\|\}\}\}\|\{\{\{2\|\}\}\}\|lang=\{\{\{lang\|\}\}\}\|reader=\{\{\{reader\|\}\}\}\}\}<\/includeonly>/ );
	} );

	it( 'names every country of the form in English and in the request page\'s languages, each on its continent', () => {
		const data = JSON.parse( page( COUNTRY_NAMES_PAGE ) ) as { countries: Record<string, Record<string, string>> };
		expect( Object.keys( data.countries ) ).toEqual( COUNTRIES.map( ( country ) => country.code ) );
		for ( const country of COUNTRIES ) {
			const entry = data.countries[ country.code ];
			expect( entry.continent, country.code ).toBe( country.continent );
			expect( entry.en, country.code ).toMatch( /\S/ );
			expect( Object.keys( entry ).filter( ( key ) => ![ 'continent', 'en', 'sv', 'de', 'fr', 'es', 'ar' ].includes( key ) ), country.code ).toEqual( [] );
		}
		expect( data.countries.GH ).toMatchObject( { en: 'Ghana', ar: 'غانا' } );
		expect( data.countries.SE ).toMatchObject( { en: 'Sweden', sv: 'Sverige', de: 'Schweden', fr: 'Suède', es: 'Suecia', ar: 'السويد' } );
		expect( data.countries.CI.en ).toBe( 'Côte d’Ivoire' );
		expect( CONTINENTS ).toContain( data.countries.ML.continent );
	} );
} );

describe( 'the pages people read', () => {
	it( 'offers the request button on the Helpdesk page, opening the editor with the preload and the edit intro', () => {
		// The landing page shows its page in the reader's language (English here).
		expect( page( HELPDESK_PAGE ) ).toContain( '| #default = {{:' + HELPDESK_PAGE + '/en}}' );
		const landing = page( HELPDESK_PAGE + '/en' );
		// The skin's own colours, no deprecated mw-ui classes; without JavaScript, a page of the user's own.
		const button = /<span class="helpdesk-request-button plainlinks" style="[^"]*">\[\{\{fullurl:([^|]+)\|([^}]+)\}\} <span class="helpdesk-request-button-label" style="[^"]*">Request support<\/span>\]<\/span>/.exec( landing );
		expect( button ).not.toBeNull();
		expect( landing ).not.toContain( 'mw-ui-' );
		const [ , target, query ] = button as RegExpExecArray;
		expect( target ).toBe( 'Special:MyPage/Helpdesk request' );
		const parameters = new URLSearchParams( query );
		expect( parameters.get( 'action' ) ).toBe( 'edit' );
		const titles = pages.map( ( candidate ) => candidate.title.replace( / /g, '_' ) );
		expect( parameters.get( 'preload' ) ).toBe( 'Template:' + TEMPLATES.preload.replace( / /g, '_' ) );
		expect( titles ).toContain( parameters.get( 'preload' ) );
		expect( titles ).toContain( parameters.get( 'editintro' ) );
	} );

	it( 'links the Helpdesk page to the table, statistics, agenda and committee, and not to e-mail', () => {
		for ( const code of [ 'en', 'sv', 'ar' ] ) {
			const landing = page( HELPDESK_PAGE + '/' + code );
			for ( const target of [ REQUEST_TABLE_PAGE, STATISTICS_PAGE, AGENDA_PAGE, COMMITTEE_PAGE ] ) {
				expect( landing, code ).toContain( '[[Special:MyLanguage/' + target + '|' );
			}
			expect( landing, code ).not.toMatch( /mailto:|@wikimedia\.se/ );
		}
	} );

	it( 'preloads an empty request with every parameter of the codec, in order', () => {
		const preloaded = page( 'Template:' + TEMPLATES.preload ).replace( /<noinclude>[\s\S]*?<\/noinclude>/g, '' );
		const [ call ] = parseTemplates( preloaded, { namePredicate: ( name: string ) => name.trim() === TEMPLATES.request } );
		expect( call.parameters.map( ( parameter ) => String( parameter.name ) ) ).toEqual( PARAMS.map( ( param ) => param.name ) );
		for ( const parameter of call.parameters ) {
			const value = parameter.value.replace( /<!--[\s\S]*?-->/g, '' ).trim();
			expect( value, String( parameter.name ) ).toBe( parameter.name === 'status' ? 'submitted' : '' );
		}
		expect( preloaded ).toMatch( /\n== Discussion ==\n/ );
	} );

	it( 'lists the three example members on the committee page, and nothing the bot could take for a member', () => {
		const committee = page( COMMITTEE_PAGE );
		const members = parseTemplates( committee, { namePredicate: ( name: string ) => name.trim() === TEMPLATES.committeeMember } );
		expect( members.map( ( member ) => member.getValue( 'user' ) ) ).toEqual( [ 'Example member 1', 'Example member 2', 'Example member 3' ] );
		expect( members.map( ( member ) => member.getValue( 'notify' ) ) ).toEqual( [ 'mention', 'talk', 'mention' ] );
		expect( members[ 2 ].getValue( 'away_until' ) ).toMatch( /^\d{4}-\d\d-\d\d$/ );
		expect( committee.match( /Helpdesk committee member\s*\|/g ) ).toHaveLength( 3 );
		expect( committee ).toMatch( /protected on Meta-Wiki/ );
	} );

	it( 'gives committee members and sign-offs the values the bot reads', () => {
		const member = switchWith( page( 'Template:' + TEMPLATES.committeeMember ), 'notified by a mention' );
		expect( statusCases( member ) ).toEqual( [ '', 'mention', 'talk' ] );
		const signOff = page( 'Template:Helpdesk sign-off' );
		expect( statusCases( switchWith( signOff, 'msg|signoff-feedback' ) ) ).toEqual( [ 'feedback', 'final-go' ] );
		expect( statusCases( switchWith( signOff, 'msg|signoff-final-yes' ) ) ).toEqual( [ 'no', 'yes' ] );
		expect( signOff ).toMatch( /<pre>\n\{\{Helpdesk sign-off\|kind=feedback\|member=[^}]+\}\} ~~~~\n/ );
	} );
} );
