/**
 * MediaWiki's own parser agrees with the codec: a rendered request page, whatever
 * the requester typed, has no link, template, category, tag, heading, list, table,
 * magic link or signature beyond the template call, the list lines of list fields
 * and the discussion heading; and the pre-save transform changes nothing but what
 * the wiki always normalises (NFC, lone surrogates).
 */
import fc from 'fast-check';
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
const OTHER_PARAMS = PARAMS.filter( ( param ) => param.kind !== 'list' ).map( ( param ) => param.name );
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
			expect( tagCount( parse.text, 'li' ) ).toBe( request.partners.length + request.languages.length + request.links.length );
			expect( tagCount( parse.text, 'tr' ) ).toBe( OTHER_PARAMS.length );
			expect( tagCount( parse.text, 'h2' ) ).toBe( 1 );
		} ), { numRuns: 300 } );
	} );
} );

/** Pieces of wikitext where finding calls is hard; `NAME` becomes a name of its own each time. */
const SOUP = [
	'{{', '}}', '{{{', '}}}', '{', '}', '|', '=', '==', '\n', '\n=', '[[', ']]', '[', ']', '-{', '}-', '-', '<!--', '-->',
	'<nowiki>', '</nowiki>', '<ref>', '</ref>', '<pre>', '</pre>', '<includeonly>', '</includeonly>', '<noinclude>',
	'</noinclude>', '<', '>', 'a', ' ', '#', ':', 'NAME', 'NAME', 'NAME', '{{NAME}}', '{{NAME|', '{{NAME|x=',
];

/** Ways a name can be typed, some of them no name at all. */
const NAME_FORMS = [
	( n: string ) => n, ( n: string ) => ' ' + n + '_x\n', ( n: string ) => 'Template:' + n, ( n: string ) => 'template : ' + n.toLowerCase(),
	( n: string ) => '\u00a0' + n + '\u3000', ( n: string ) => '\ufeff' + n, ( n: string ) => '\u200e' + n, ( n: string ) => n + '<!-- c -->y',
	( n: string ) => n + '#frag', ( n: string ) => n + '\ty', ( n: string ) => n + '%41', ( n: string ) => n + '&#32;y', ( n: string ) => n + '&#124;y',
];

describe( 'template calls found by MediaWiki', () => {
	it( 'are the calls findTemplates finds', async () => {
		const wiki = sharedTestWiki();
		const soup = fc.tuple( fc.array( fc.constantFrom( ...SOUP ), { minLength: 1, maxLength: 40 } ), fc.array( fc.nat( NAME_FORMS.length - 1 ), { minLength: 40, maxLength: 40 } ) )
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
			// Pages named without the Template: namespace; parser functions (`#…`) are no pages.
			const theirs = parse.templates.map( ( template ) => template.title.replace( /^Template:/, '' ) ).sort();
			const ours = Array.from( new Set( findTemplates( text, ( key ) => !key.startsWith( '#' ) )
				.map( ( call ) => templateKey( templateKey( call.name ).replace( /^: ?/, '' ) ) ) ) ).sort();
			expect( ours ).toStrictEqual( theirs );
		} ), { numRuns: 300 } );
	} );
} );
