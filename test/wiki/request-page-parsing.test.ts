/**
 * MediaWiki's own parser agrees with the codec: a rendered request page, whatever
 * the requester typed, has no link, template, category, tag, heading, list, table,
 * magic link or signature beyond the template call, the list lines of list fields
 * and the discussion heading; and the pre-save transform changes nothing but what
 * the wiki always normalises (NFC, lone surrogates).
 */
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { beforeAll, describe, expect, it } from 'vitest';
import { editPageAsAdmin, LocalWiki } from '../../scripts/local-wiki/index';
import { PARAMS, renderRequestPage, REQUEST_TEMPLATE } from '../../shared/codec';
import { HelpdeskRequest } from '../../shared/request';
import { findTemplates, templateKey } from '../../shared/wikitext';
import { anyRequest, nonBlankText } from '../unit/shared/request-arbitraries';
import { sharedTestWiki } from './setup/shared-wiki';
import { TEST_USER_AGENT } from './setup/test-wiki';

/** Stands in for the real template: every value at a line start and after a table `|`/`!`. */
const PROBE_TEMPLATE = 'Helpdesk request codec probe';
/** The parameters written on one line (lists and outcome item ids are written one `* ` line per entry). */
const OTHER_PARAMS = PARAMS.filter( ( param ) => param.kind !== 'list' && param.kind !== 'ids' ).map( ( param ) => param.name );
const PROBE_TEXT = '<div>\n' + PARAMS.map( ( param ) => '{{{' + param.name + '}}}' ).join( '\n\n' ) + '\n</div>\n' +
	'{|\n' + OTHER_PARAMS.map( ( name ) => '|{{{' + name + '}}}\n!{{{' + name + '}}}' ).join( '\n|-\n' ) + '\n|}\n';

/** Tags the probe page may show: its own, paragraphs, the list fields and the heading. */
const ALLOWED_TAGS = [ 'div', 'p', 'br', 'table', 'tbody', 'tr', 'td', 'th', 'ul', 'li', 'h2', 'span' ];

interface ParseAnswer {
	parse: {
		text: string;
		links: unknown[];
		templates: { title: string }[];
		categories: unknown[];
		externallinks: unknown[];
		iwlinks: unknown[];
		langlinks: unknown[];
		images: unknown[];
		sections: unknown[];
		properties: Record<string, unknown>;
	};
}

async function api<T>( wiki: LocalWiki, params: Record<string, string> ): Promise<T> {
	const response = await fetch( wiki.apiUrl, {
		method: 'POST',
		headers: { 'User-Agent': TEST_USER_AGENT },
		body: new URLSearchParams( Object.assign( { format: 'json', formatversion: '2' }, params ) ),
	} );
	return response.json() as Promise<T>;
}

/** The text as the wiki stores it: lone surrogates replaced, NFC, no trailing space. */
function asStored( text: string ): string {
	return Array.from( text ).map( ( ch ) => ch.length === 1 && ch >= '\ud800' && ch <= '\udfff' ? '\ufffd' : ch )
		.join( '' ).normalize( 'NFC' ).replace( /\s+$/, '' );
}

function tagCount( html: string, tag: string ): number {
	return ( html.match( new RegExp( '<' + tag + '[\\s>]', 'g' ) ) || [] ).length;
}

describe( 'request pages read by MediaWiki', () => {
	let wiki: LocalWiki;

	beforeAll( async () => {
		wiki = sharedTestWiki();
		await editPageAsAdmin( wiki, 'Template:' + PROBE_TEMPLATE, PROBE_TEXT, 'Probe for request page tests' );
	} );

	it( 'show what was typed and no markup of their own', async () => {
		await fc.assert( fc.asyncProperty( anyRequest, nonBlankText, async ( request: HelpdeskRequest, heading: string ) => {
			const page = renderRequestPage( request, { discussionHeading: heading } );
			expect( page.indexOf( '{{' + REQUEST_TEMPLATE + '\n' ) ).toBe( 0 );
			const probe = page.replace( '{{' + REQUEST_TEMPLATE + '\n', '{{' + PROBE_TEMPLATE + '\n' );
			const title = 'Content Partnerships Hub/Helpdesk/Requests/Probe';

			const transformed = await api<{ parse: { text: string } }>( wiki, { action: 'parse', title: title, text: probe, contentmodel: 'wikitext', onlypst: '1' } );
			expect( transformed.parse.text ).toBe( asStored( probe ) );

			const { parse } = await api<ParseAnswer>( wiki, {
				action: 'parse', title: title, text: probe, contentmodel: 'wikitext', disableeditsection: '1', disablelimitreport: '1',
				prop: 'text|links|templates|categories|externallinks|iwlinks|langlinks|images|sections|properties',
			} );
			expect( parse.templates.map( ( template ) => template.title ) ).toStrictEqual( [ 'Template:' + PROBE_TEMPLATE ] );
			expect( [ parse.links, parse.categories, parse.externallinks, parse.iwlinks, parse.langlinks, parse.images ] )
				.toStrictEqual( [ [], [], [], [], [], [] ] );
			expect( parse.sections.length ).toBe( 1 );
			expect( parse.properties ).toStrictEqual( {} );
			const tags = ( parse.text.match( /<[a-z][a-z0-9]*/g ) || [] ).map( ( tag ) => tag.slice( 1 ) );
			expect( tags.filter( ( tag ) => !ALLOWED_TAGS.includes( tag ) ) ).toStrictEqual( [] );
			const outcomeEntries = ( request.outcomeItems || [] ).length + ( request.outcomePages || [] ).length;
			expect( tagCount( parse.text, 'li' ) ).toBe( request.partners.length + request.languages.length + request.links.length + outcomeEntries );
			expect( tagCount( parse.text, 'tr' ) ).toBe( OTHER_PARAMS.length );
			expect( tagCount( parse.text, 'h2' ) ).toBe( 1 );
		} ), { numRuns: 300 } );
	} );
} );

/** Pieces of wikitext where finding calls is hard; `NAME` becomes a name of its own each time. */
const SOUP = [
	'{{', '}}', '{{{', '}}}', '{', '}', '|', '=', '==', '\n', '\n=', '[[', ']]', '[', ']', '-{', '}-', '-', '<!--', '-->',
	'<nowiki>', '</nowiki>', '<ref>', '</ref>', '<pre>', '</pre>', '<includeonly>', '</includeonly>', '<noinclude>',
	'</noinclude>', '<', '>', 'a', ' ', '#', ':', 'NAME', 'NAME', 'NAME', '{{NAME}}', '{{NAME|', '{{NAME|x=', '&', ';', '%',
	'~~~', '/', '.', '_', '\t', '\u00a0', '\ufeff', '\u200e', 'é', '<ref name="a"/>', '<REF>',
];

interface TreeCall {
	name: string;
	start: number;
	wikitext: string;
	parameters: [ string | number, string ][];
}

/** What the preprocessor trims from names and arguments. */
function trimmed( text: string ): string {
	return text.replace( /^[ \t\n\r]+|[ \t\n\r]+$/g, '' );
}

/**
 * The calls at the top level of MediaWiki's preprocessor tree (action=expandtemplates,
 * prop=parsetree), as findTemplates gives them: braces whose title is plain text
 * without `[ ] { } < > |`, tab or line break before any `#` are calls; the calls
 * inside other braces, and in a parameter reference's name and default, count. Offsets come from
 * rebuilding the text, which the tree keeps whole.
 */
function treeCalls( text: string, xml: string ): TreeCall[] {
	const tree = new ( new JSDOM( '' ).window.DOMParser )().parseFromString( xml, 'text/xml' );
	const calls: TreeCall[] = [];
	let offset = 0;
	const child = ( element: Element, name: string ): Element | null => Array.from( element.children ).find( ( c ) => c.tagName === name ) || null;
	/** Text of an element without comments; null when it holds markup. */
	const plain = ( element: Element ): string | null => {
		let out = '';
		for ( const node of Array.from( element.childNodes ) ) {
			if ( node.nodeType === 3 ) {
				out += node.textContent;
			} else if ( ( node as Element ).tagName === 'equals' ) {
				out += '=';
			} else if ( ( node as Element ).tagName !== 'comment' && ( node as Element ).tagName !== 'ignore' ) {
				return null;
			}
		}
		return out;
	};
	/** Walks the nodes, counting offsets; collects calls when `collect`. */
	const walk = ( element: Element, collect: boolean ): void => {
		for ( const node of Array.from( element.childNodes ) ) {
			if ( node.nodeType === 3 ) {
				offset += ( node.textContent as string ).length;
				continue;
			}
			const el = node as Element;
			if ( el.tagName === 'comment' || el.tagName === 'ignore' ) {
				offset += ( el.textContent as string ).length;
			} else if ( el.tagName === 'equals' ) {
				offset += 1;
			} else if ( el.tagName === 'h' ) {
				walk( el, collect );
			} else if ( el.tagName === 'ext' ) {
				const inner = child( el, 'inner' );
				const close = child( el, 'close' );
				offset += 1 + ( child( el, 'name' ) as Element ).textContent!.length + ( child( el, 'attr' ) as Element ).textContent!.length +
					( inner ? 1 + inner.textContent!.length : 2 ) + ( close ? close.textContent!.length : 0 );
			} else {
				// template or tplarg
				const braces = el.tagName === 'template' ? 2 : 3;
				const start = offset;
				offset += braces;
				const title = child( el, 'title' ) as Element;
				const written = plain( title );
				const name = written === null ? '' : trimmed( written );
				// A `#` name is a parser function; other names are titles before any `#fragment`.
				const page = name.split( '#' )[ 0 ];
				const isCall = braces === 2 && collect && ( name.charAt( 0 ) === '#' ? !/[[\]{}<>|]/.test( name ) :
					!/[[\]{}<>|\n\t]/.test( page ) && page.replace( /[ _\u00a0\u200e]/g, '' ) !== '' );
				walk( title, collect && !isCall );
				const parameters: [ string | number, string ][] = [];
				const parts = Array.from( el.children ).filter( ( c ) => c.tagName === 'part' );
				for ( let index = 0; index < parts.length; index++ ) {
					const part = parts[ index ];
					offset += 1;
					const nameElement = child( part, 'name' ) as Element;
					const valueElement = child( part, 'value' ) as Element;
					// A parameter reference shows only its first default.
					const inner = collect && !isCall && ( braces === 2 || index === 0 );
					let partName: string | number;
					if ( nameElement.hasAttribute( 'index' ) ) {
						partName = Number( nameElement.getAttribute( 'index' ) );
					} else {
						const nameStart = offset;
						walk( nameElement, inner );
						const cleanName = plain( nameElement );
						partName = trimmed( cleanName === null ? text.slice( nameStart, offset ) : cleanName );
						offset += 1;
					}
					const from = offset;
					walk( valueElement, inner );
					parameters.push( [ partName, trimmed( text.slice( from, offset ) ) ] );
				}
				offset += braces;
				if ( isCall ) {
					calls.push( { name: name, start: start, wikitext: text.slice( start, offset ), parameters: parameters } );
				}
			}
		}
	};
	walk( tree.documentElement, true );
	expect( offset ).toBe( text.length );
	return calls.sort( ( a, b ) => a.start - b.start );
}

/** Ways a name can be typed, some of them no name at all. */
const NAME_FORMS = [
	( n: string ) => n, ( n: string ) => ' ' + n + '_x\n', ( n: string ) => 'Template:' + n, ( n: string ) => 'template : ' + n.toLowerCase(),
	( n: string ) => '\u00a0' + n + '\u3000', ( n: string ) => '\ufeff' + n, ( n: string ) => '\u200e' + n, ( n: string ) => n + '<!-- c -->y',
	( n: string ) => n + '#frag', ( n: string ) => n + '\ty', ( n: string ) => n + '%41', ( n: string ) => n + '&#32;y', ( n: string ) => n + '&#124;y',
	( n: string ) => n + '&amp;', ( n: string ) => ':' + n, ( n: string ) => n + '/..',
];

describe( 'template calls found by MediaWiki', () => {
	it( 'are the calls findTemplates finds', async () => {
		const wiki = sharedTestWiki();
		const soup = fc.tuple( fc.array( fc.constantFrom( ...SOUP ), { minLength: 1, maxLength: 50 } ), fc.array( fc.nat( NAME_FORMS.length - 1 ), { minLength: 40, maxLength: 40 } ) )
			.map( ( [ pieces, forms ] ) => {
				let count = 0;
				return pieces.join( '' ).replace( /NAME/g, () => {
					count++;
					return NAME_FORMS[ forms[ count % forms.length ] ]( 'T' + count );
				} );
			} );
		await fc.assert( fc.asyncProperty( soup, async ( text: string ) => {
			const { parse } = await api<{ parse: { templates: { title: string }[] } }>( wiki, {
				action: 'parse', title: 'Sandbox', text: text, contentmodel: 'wikitext', prop: 'templates',
			} );
			// Pages named without the Template: namespace; parser functions (`#…`) and `{{=}}` are no
			// pages; subpages (`{{/…}}`) depend on the page's title, so both sides leave them out.
			const theirs = parse.templates.map( ( template ) => template.title.replace( /^Template:/, '' ) )
				.filter( ( title ) => !/^Sandbox(?:\/|$)/.test( title ) ).sort();
			const ours = Array.from( new Set( findTemplates( text, ( key ) => !key.startsWith( '#' ) && !key.startsWith( '/' ) && key !== '=' )
				.map( ( call ) => templateKey( templateKey( call.name ).replace( /^: ?/, '' ) ) ) ) ).sort();
			expect( ours ).toStrictEqual( theirs );
		} ), { numRuns: 300 } );
	} );

	it( 'are the calls in the tree of MediaWiki\'s preprocessor, with the same parameters', async () => {
		const wiki = sharedTestWiki();
		// No `:`, `%`, `&`, `~`, `.` or `/`: names are titles or hold markup, as treeCalls tells
		// them apart. No <ref>: its calls are made, but the tree does not show them.
		const pieces = SOUP.filter( ( piece ) => !/[:%&~./]|ref/i.test( piece ) );
		const soup = fc.array( fc.constantFrom( ...pieces ), { minLength: 1, maxLength: 50 } ).map( ( parts ) => {
			let count = 0;
			return parts.join( '' ).replace( /NAME/g, () => 'T' + ( ++count ) );
		} );
		await fc.assert( fc.asyncProperty( soup, async ( text: string ) => {
			const { expandtemplates } = await api<{ expandtemplates: { parsetree: string } }>( wiki, {
				action: 'expandtemplates', title: 'Sandbox', text: text, prop: 'parsetree',
			} );
			const ours = findTemplates( text ).map( ( call ) => ( {
				name: call.name,
				start: call.start,
				wikitext: call.wikitext,
				parameters: call.parameters.map( ( param ) => [ param.name, param.value ] ),
			} ) );
			expect( ours ).toStrictEqual( treeCalls( text, expandtemplates.parsetree ) );
		} ), { numRuns: 300 } );
	} );
} );
