/**
 * The shared wikitext primitives, rule by rule, and against mwn's parseTemplates
 * (which they replace) on plain wikitext. Agreement with MediaWiki's own
 * preprocessor is checked in test/wiki/request-page-parsing.test.ts.
 */
import fc from 'fast-check';
import { parseTemplates } from 'mwn/build/wikitext.js';
import { describe, expect, it } from 'vitest';
import { NAMED_REFERENCES as ESCAPE_REFERENCES, unescapeText } from '../../../shared/escape';
import {
	addDays, dateProblem, daysBetween, decodeReferences, findTemplates, isoSeconds, isRedirect, NAMED_REFERENCES,
	normaliseUserName, paramKey, paramValue, parseTimestamp, redirectTarget, shortened, stripComments, TemplateCall,
	templateKey, userNameProblem,
} from '../../../shared/wikitext';

/** Name, then parameters as [ name, value ]. */
function calls( text: string, name?: string ): [ string, ...( [ string | number, string ] )[] ][] {
	return findTemplates( text, name ).map( ( call ) => [ call.name, ...call.parameters.map( ( p ): [ string | number, string ] => [ p.name, p.value ] ) ] );
}

describe( 'templateKey', () => {
	it( 'reads a name as MediaWiki reads a template title', () => {
		expect( templateKey( 'Helpdesk request' ) ).toBe( 'Helpdesk request' );
		expect( templateKey( 'helpdesk_request' ) ).toBe( 'Helpdesk request' );
		expect( templateKey( ' Template:helpdesk  request\n' ) ).toBe( 'Helpdesk request' );
		expect( templateKey( 'template : Helpdesk_request' ) ).toBe( 'Helpdesk request' );
		expect( templateKey( 'TEMPLATE:\u00a0helpdesk request' ) ).toBe( 'Helpdesk request' );
		expect( templateKey( 'Mall:helpdesk request' ) ).toBe( 'Helpdesk request' );
		expect( templateKey( '\u3000Helpdesk\u2002request\u180e' ) ).toBe( 'Helpdesk request' );
		expect( templateKey( '\u200eHelpdesk request\u202c' ) ).toBe( 'Helpdesk request' );
		expect( templateKey( 'Helpdesk request#Usage' ) ).toBe( 'Helpdesk request' );
		expect( templateKey( 'Helpdesk&#32;request' ) ).toBe( 'Helpdesk request' );
		expect( templateKey( '#if:x' ) ).toBe( '#if:x' );
		expect( templateKey( 'ébc' ) ).toBe( 'Ébc' );
		expect( templateKey( '𐐨bc' ) ).toBe( '𐐀bc' );
	} );

	it( 'keeps a BOM: it is no whitespace for MediaWiki', () => {
		expect( templateKey( '\ufeffHelpdesk request' ) ).not.toBe( 'Helpdesk request' );
		expect( templateKey( 'Helpdesk request\ufeff' ) ).not.toBe( 'Helpdesk request' );
	} );
} );

describe( 'paramKey', () => {
	it( 'folds case, spaces, _ and - and trims title whitespace', () => {
		expect( paramKey( 'Content type' ) ).toBe( 'content_type' );
		expect( paramKey( 'content-type' ) ).toBe( 'content_type' );
		expect( paramKey( ' CONTENT__TYPE\n' ) ).toBe( 'content_type' );
		expect( paramKey( '\u00a0content\u3000type\u2003' ) ).toBe( 'content_type' );
		expect( paramKey( 1 ) ).toBe( '1' );
		expect( paramKey( '1' ) ).toBe( paramKey( 1 ) );
		expect( paramKey( '_status' ) ).toBe( '_status' );
	} );

	it( 'keeps a BOM', () => {
		expect( paramKey( '\ufeffstatus' ) ).not.toBe( 'status' );
	} );
} );

describe( 'stripComments', () => {
	it( 'removes comments, an unclosed one to the end', () => {
		expect( stripComments( 'a<!-- b -->c' ) ).toBe( 'ac' );
		expect( stripComments( 'a<!-- b --> <!-- c -->d' ) ).toBe( 'a d' );
		expect( stripComments( 'a<!-- b' ) ).toBe( 'a' );
		expect( stripComments( 'a<!---->b<!--->c-->d' ) ).toBe( 'abd' );
		expect( stripComments( 'no comment' ) ).toBe( 'no comment' );
	} );

	it( 'removes a comment alone on its line with that line break, as the preprocessor does', () => {
		expect( stripComments( 'a\n<!-- b -->\nc' ) ).toBe( 'a\nc' );
		expect( stripComments( 'a\n  <!-- b --> <!-- c -->\t\nd' ) ).toBe( 'a\nd' );
		expect( stripComments( 'a\n<!-- b -->\n<!-- c -->\nd' ) ).toBe( 'a\nd' );
		expect( stripComments( '<!-- b -->\nc' ) ).toBe( '\nc' );
		expect( stripComments( 'a\n<!-- b -->x\nc' ) ).toBe( 'a\nx\nc' );
	} );

	it( 'leaves comments inside nowiki and pre: they are text there', () => {
		expect( stripComments( '<nowiki><!-- a --></nowiki><!-- b -->' ) ).toBe( '<nowiki><!-- a --></nowiki>' );
		expect( stripComments( '<pre>x<!-- a --></pre>' ) ).toBe( '<pre>x<!-- a --></pre>' );
	} );
} );

describe( 'decodeReferences', () => {
	it( 'decodes numeric and the named references', () => {
		expect( decodeReferences( '&#65;&#x42;&#X43;&#0068;&amp;&lt;&gt;&quot;&apos;&nbsp;' ) ).toBe( 'ABCD&<>"\'\u00a0' );
		expect( decodeReferences( '&#x1F600;' ) ).toBe( '😀' );
		expect( decodeReferences( '&#0;' ) ).toBe( '\u0000' );
	} );

	it( 'leaves invalid ones as typed', () => {
		for ( const typed of [ '&#x110000;', '&#1114112;', '&#xD800;', '&#55296;', '&eacute;', '&AMP;', '&#;', '&#x;', '&amp', '& amp;', '&#99999999999999999999;' ] ) {
			expect( decodeReferences( typed ) ).toBe( typed );
		}
	} );

	it( 'is what unescapeText uses, and escape.ts still exports the table', () => {
		expect( unescapeText( 'a<!-- x -->&#124;&amp;b' ) ).toBe( 'a|&b' );
		expect( ESCAPE_REFERENCES ).toBe( NAMED_REFERENCES );
	} );
} );

describe( 'findTemplates', () => {
	it( 'finds top-level calls in page order, with offsets', () => {
		const text = 'x {{a|1}} y {{b|c={{d}}}} z';
		const found = findTemplates( text );
		expect( found.map( ( call ) => [ call.name, call.start, call.wikitext ] ) ).toEqual( [
			[ 'a', 2, '{{a|1}}' ],
			[ 'b', 12, '{{b|c={{d}}}}' ],
		] );
		for ( const call of found ) {
			expect( text.slice( call.start, call.start + call.wikitext.length ) ).toBe( call.wikitext );
		}
	} );

	it( 'numbers unnamed parameters from 1 and splits a name at the first =', () => {
		expect( calls( '{{a| x |n = v = w | y |2=z}}' ) ).toEqual( [ [ 'a', [ 1, 'x' ], [ 'n', 'v = w' ], [ 2, 'y' ], [ '2', 'z' ] ] ] );
		expect( findTemplates( '{{a|x|n=v}}' )[ 0 ].parameters.map( ( p ) => p.wikitext ) ).toEqual( [ '|x', '|n=v' ] );
	} );

	it( 'keeps the name as written, trimmed, and filters by templateKey', () => {
		const text = '{{ helpdesk_request |a=1}}{{Template:Helpdesk request}}{{Other}}';
		expect( findTemplates( text, 'Helpdesk request' ).map( ( call ) => call.name ) ).toEqual( [ 'helpdesk_request', 'Template:Helpdesk request' ] );
		expect( findTemplates( text, ( key ) => key === 'Other' ).map( ( call ) => call.name ) ).toEqual( [ 'Other' ] );
	} );

	it( 'does not take a BOM inside the braces for whitespace', () => {
		expect( findTemplates( '{{\ufeffHelpdesk request|title=x}}', 'Helpdesk request' ) ).toEqual( [] );
		expect( findTemplates( '{{Helpdesk request\ufeff|title=x}}', 'Helpdesk request' ) ).toEqual( [] );
		expect( findTemplates( '\ufeff{{Helpdesk request|title=x}}', 'Helpdesk request' ) ).toHaveLength( 1 );
	} );

	it( 'skips comments in a call but keeps them in its wikitext; names lose them, values keep them', () => {
		const text = '{{Helpdesk request<!-- keep -->\n| status <!-- code --> = on-hold <!-- since May -->\n<!-- | title = old -->\n| title = New }}';
		const [ call ] = findTemplates( text, 'Helpdesk request' );
		expect( call.name ).toBe( 'Helpdesk request' );
		expect( call.wikitext ).toBe( text );
		expect( call.parameters.map( ( p ) => [ p.name, p.value ] ) ).toEqual( [
			[ 'status', 'on-hold <!-- since May -->\n<!-- | title = old -->' ],
			[ 'title', 'New' ],
		] );
		expect( findTemplates( '<!-- {{a}} -->{{b}}<!-- {{c}}' ).map( ( c ) => c.name ) ).toEqual( [ 'b' ] );
	} );

	it( 'does not split at a | inside nested calls, parameter references, links, tags or -{ }-', () => {
		expect( calls( '{{a|{{b|c|d}}|[[e|f]]|{{{1|g}}}|[[File:x.png|thumb|{{h|i}}]]|-{j|k}-|<ref>l|m</ref>|<nowiki>n|o</nowiki>}}' ) ).toEqual( [ [
			'a',
			[ 1, '{{b|c|d}}' ],
			[ 2, '[[e|f]]' ],
			[ 3, '{{{1|g}}}' ],
			[ 4, '[[File:x.png|thumb|{{h|i}}]]' ],
			[ 5, '-{j|k}-' ],
			[ 6, '<ref>l|m</ref>' ],
			[ 7, '<nowiki>n|o</nowiki>' ],
		] ] );
	} );

	it( 'takes = inside nested calls and links for text, not for a name', () => {
		expect( calls( '{{a|{{b|c=d}}|[[e=f]]}}' ) ).toEqual( [ [ 'a', [ 1, '{{b|c=d}}' ], [ 2, '[[e=f]]' ] ] ] );
		expect( calls( '{{a|{{b}}=c}}' ) ).toEqual( [ [ 'a', [ '{{b}}', 'c' ] ] ] );
	} );

	it( 'takes {{{…}}} for a parameter reference, not a call, and finds what its default shows', () => {
		expect( findTemplates( '{{{1}}}' ) ).toEqual( [] );
		expect( findTemplates( '{{{title|}}}' ) ).toEqual( [] );
		expect( calls( '{{{1|{{a}}}}}' ) ).toEqual( [ [ 'a' ] ] );
		expect( calls( '{{{1|x|{{a}}}}}' ) ).toEqual( [] );
		expect( calls( '{{{{{a}}}}}' ) ).toEqual( [] );
		expect( calls( '{{{{a}}}}' ) ).toEqual( [] );
	} );

	it( 'pairs braces as MediaWiki does when there are more than two', () => {
		expect( findTemplates( '{{{{a}}|b}}' ).map( ( c ) => [ c.name, c.start ] ) ).toEqual( [ [ 'a', 2 ] ] );
		expect( findTemplates( '-{{a}}' ).map( ( c ) => [ c.name, c.start ] ) ).toEqual( [ [ 'a', 1 ] ] );
		expect( calls( '{{a|{{b}}}}}' ) ).toEqual( [ [ 'a', [ 1, '{{b}}' ] ] ] );
	} );

	it( 'finds no call in braces that do not close, but finds closed ones inside them', () => {
		expect( findTemplates( '{{a|b' ) ).toEqual( [] );
		expect( findTemplates( '{{a|b}' ) ).toEqual( [] );
		expect( calls( '{{a|{{b}}' ) ).toEqual( [ [ 'b' ] ] );
		expect( calls( 'x}} {{a}} {{' ) ).toEqual( [ [ 'a' ] ] );
		// A link (or -{) opened inside a call must close first: MediaWiki finds no call here.
		expect( findTemplates( '{{a|[[b}}' ) ).toEqual( [] );
		expect( findTemplates( '{{a|-{b}}' ) ).toEqual( [] );
		expect( calls( '{{a|[b}}' ) ).toEqual( [ [ 'a', [ 1, '[b' ] ] ] );
	} );

	it( 'finds no call whose name is empty or no title, but finds the calls inside it', () => {
		for ( const text of [ '{{}}', '{{ |a}}', '{{a\nb|c}}', '{{a[b}}', '{{a]b}}', '{{a<b}}', '{{a>b}}', '{{a%41}}', '{{./a}}', '{{Template:}}', '{{a\tb}}', '{{a&#124;b}}' ] ) {
			expect( findTemplates( text ) ).toEqual( [] );
		}
		expect( calls( '{{#REDIRECT [[Foo]]}}' ) ).toEqual( [] );
		expect( calls( '{{[[x]]|{{Helpdesk request|title=T}}}}' ) ).toEqual( [ [ 'Helpdesk request', [ 'title', 'T' ] ] ] );
		expect( calls( '{{\nHelpdesk request\n|a=b}}' ) ).toEqual( [ [ 'Helpdesk request', [ 'a', 'b' ] ] ] );
		expect( calls( '{{#if: x | {{b}} }}' ) ).toEqual( [ [ '#if: x', [ 1, '{{b}}' ] ] ] );
		expect( calls( '{{#if: [[x]] | {{b}} }}' ) ).toEqual( [ [ 'b' ] ] );
		// A fragment may hold what a title may not.
		expect( calls( '{{a#[[x]]<y>}b\n}}' ) ).toEqual( [ [ 'a#[[x]]<y>}b' ] ] );
		expect( findTemplates( '{{a#\u0001}}' ) ).toEqual( [] );
	} );

	it( 'skips nowiki, pre, syntaxhighlight, source, math and includeonly, but not noinclude', () => {
		const text = '<nowiki>{{a}}</nowiki><pre>{{b}}</pre><syntaxhighlight lang="x">{{c}}</syntaxhighlight><source>{{d}}</source>' +
			'<math>{{e}}</math><includeonly>{{f}}</includeonly><noinclude>{{g}}</noinclude><NOWIKI>{{h}}</nowiki ><ref name="x" />{{i}}';
		expect( calls( text ) ).toEqual( [ [ 'g' ], [ 'i' ] ] );
		expect( calls( '<nowiki>{{a}}' ) ).toEqual( [ [ 'a' ] ] );
		expect( calls( '<includeonly>{{a}}' ) ).toEqual( [] );
	} );

	it( 'finds the calls in a <ref>, <references>, <poem> or <indicator>: their contents are wikitext', () => {
		const text = 'a<ref name="x">{{b|c}}</ref>{{d|<ref>{{e}}</ref>}}<poem>{{f}}</poem><references>\n<ref name="y">{{g}}</ref>\n</references>';
		expect( findTemplates( text ).map( ( call ) => [ call.name, call.start, text.slice( call.start, call.start + call.wikitext.length ) === call.wikitext ] ) ).toEqual( [
			[ 'b', 15, true ], [ 'd', 28, true ], [ 'f', 56, true ], [ 'g', 95, true ],
		] );
		expect( calls( '<ref><ref>{{a}}</ref>' ) ).toEqual( [] );
		expect( stripComments( '<ref>a<!-- b --></ref><pre><!-- c --></pre>' ) ).toBe( '<ref>a</ref><pre><!-- c --></pre>' );
	} );

	it( 'does not split at a | in a heading line inside a call, and a heading line does not close one', () => {
		expect( calls( '{{a|b=\n== c | d ==\n|e}}' ) ).toEqual( [ [ 'a', [ 'b', '== c | d ==' ], [ 1, 'e' ] ] ] );
		expect( findTemplates( '{{a|x=1\n= b}}' ) ).toEqual( [] );
		expect( calls( '{{a|x\n=1}}' ) ).toEqual( [ [ 'a', [ 'x', '1' ] ] ] );
	} );

	it( 'never throws and stays within the text on any input', () => {
		const pieces = fc.constantFrom( '{{', '}}', '{', '}', '|', '=', '\n', '[[', ']]', '-{', '}-', '<!--', '-->', '<nowiki>', '</nowiki>', '<ref>', 'a', ' ', '\ufeff' );
		fc.assert( fc.property( fc.oneof( fc.string(), fc.array( pieces ).map( ( a ) => a.join( '' ) ) ), ( text: string ) => {
			for ( const call of findTemplates( text ) ) {
				expect( text.slice( call.start, call.start + call.wikitext.length ) ).toBe( call.wikitext );
				expect( call.wikitext.slice( 0, 2 ) ).toBe( '{{' );
				expect( call.wikitext.slice( -2 ) ).toBe( '}}' );
			}
		} ), { numRuns: 2000 } );
	} );

	// No clock here: quadratic work on any of these inputs takes minutes, linear work well under a second, so the
	// test's own timeout tells them apart even on a busy machine. Speed itself is for the benchmarks.
	it( 'reads a long page, and long runs of nothing but markup, without quadratic work', () => {
		const page = ( '{{Helpdesk request|title=A [[b|c]] {{d|e=f}}|x=<!-- y -->z}}\nText, a [[link]] and <ref>a|b</ref>.\n== Heading ==\n' ).repeat( 5000 );
		expect( findTemplates( page, 'Helpdesk request' ) ).toHaveLength( 5000 );
		const runs = [
			'{{'.repeat( 2e5 ), '}}'.repeat( 2e5 ), '[['.repeat( 2e5 ), '-{'.repeat( 2e5 ), '{{a|'.repeat( 1e5 ) + '}}'.repeat( 1e5 ), '{{['.repeat( 1e5 ) + '}}'.repeat( 1e5 ),
			'{{{'.repeat( 1e5 ) + '}}}'.repeat( 1e5 ), '{{a' + '|'.repeat( 4e5 ) + '}}', '{{a|' + '\n='.repeat( 2e5 ), '<ref '.repeat( 1e5 ), '<ref>'.repeat( 1e5 ),
			'<!--'.repeat( 1e5 ), '{{a|' + ' '.repeat( 4e5 ) + 'b}}',
		];
		for ( const text of runs ) {
			expect( Array.isArray( findTemplates( text ) ) ).toBe( true );
			expect( typeof stripComments( text ) ).toBe( 'string' );
		}
	}, 60000 );
} );

// Plain wikitext for comparing with mwn: text, links and calls, no comments, tags,
// `{{{`, headings, `-{`, `=` outside a parameter name, numbers as names or line
// breaks in links (where mwn differs from MediaWiki).
const word = fc.stringMatching( /^[a-z][a-z ]{0,6}[a-z]$/ );
const plainText = fc.stringMatching( /^[a-zA-Z0-9 .,;:!?'"()\n]{0,12}$/ ).filter( ( text ) => !/^\n|\n$/.test( text ) );
const lineText = fc.stringMatching( /^[a-zA-Z0-9 .,;:!?'"()]{0,12}$/ );
/** Wikitext of text, links and calls, on one line (mwn does not see a link across lines) or not. */
function plain( text: fc.Arbitrary<string>, inLink: fc.Arbitrary<string> | null ): fc.Arbitrary<string> {
	const { wikitext } = fc.letrec( ( tie ) => ( {
		wikitext: fc.array( fc.oneof( { depthSize: 'small' }, text, tie( 'link' ), tie( 'call' ) ), { maxLength: 4 } ).map( ( parts ) => ( parts as string[] ).join( ' ' ) ),
		link: fc.tuple( word, fc.option( inLink || tie( 'wikitext' ) ) ).map( ( [ target, label ] ) => '[[' + target + ( label === null ? '' : '|' + label ) + ']]' ),
		call: fc.tuple( word, fc.array( fc.tuple( fc.option( word ), tie( 'wikitext' ) ), { maxLength: 4 } ) ).map( ( [ name, params ] ) => '{{' + name +
			( params as [ string | null, string ][] ).map( ( [ key, value ] ) => '|' + ( key === null ? '' : key + '=' ) + value ).join( '' ) + '}}' ),
	} ) );
	return wikitext as fc.Arbitrary<string>;
}
const plainWikitext = plain( plainText, plain( lineText, null ) );

describe( 'findTemplates and mwn', () => {
	it( 'agree on plain wikitext: names, parameter names and values', () => {
		fc.assert( fc.property( plainWikitext, ( text: string ) => {
			const ours = findTemplates( text ).map( ( call: TemplateCall ) => ( {
				name: call.name.charAt( 0 ).toUpperCase() + call.name.slice( 1 ),
				wikitext: call.wikitext,
				parameters: call.parameters.map( ( p ) => [ p.name, p.value, p.wikitext ] ),
			} ) );
			const theirs = parseTemplates( text, {} ).map( ( call ) => ( {
				name: call.name,
				wikitext: call.wikitext,
				parameters: call.parameters.map( ( p ) => [ p.name, p.value, p.wikitext ] ),
			} ) );
			expect( ours ).toEqual( theirs );
		} ), { numRuns: 1000 } );
	} );
} );

describe( 'paramValue', () => {
	it( 'gives the first non-empty value by paramKey, else the first, else empty', () => {
		const [ call ] = findTemplates( '{{a|Status=|status = on-hold|status=done|x|user=}}' );
		expect( paramValue( call, 'status' ) ).toBe( 'on-hold' );
		expect( paramValue( call, 'user' ) ).toBe( '' );
		expect( paramValue( call, 1 ) ).toBe( 'x' );
		expect( paramValue( call, '1' ) ).toBe( 'x' );
		expect( paramValue( call, 'missing' ) ).toBe( '' );
		expect( paramValue( undefined, 'status' ) ).toBe( '' );
	} );
} );

describe( 'redirects', () => {
	it( 'are what MediaWiki takes for one', () => {
		expect( redirectTarget( '#REDIRECT [[Foo]]' ) ).toBe( 'Foo' );
		expect( redirectTarget( '  \n#redirect:[[foo_bar|label]] text' ) ).toBe( 'Foo bar' );
		expect( redirectTarget( '#Redirect : [[Foo#Section]]' ) ).toBe( 'Foo' );
		expect( redirectTarget( '#REDIRECT[[Content Partnerships Hub/Helpdesk/Requests/A&amp;B]]' ) ).toBe( 'Content Partnerships Hub/Helpdesk/Requests/A&B' );
		expect( redirectTarget( '#REDIRECT [[A%20b%C3%A9]]' ) ).toBe( 'A bé' );
		expect( redirectTarget( '#REDIRECT [[:Category:X]]' ) ).toBe( 'Category:X' );
		expect( redirectTarget( '#REDIRECT [[\u00a0Foo\u3000bar ]]' ) ).toBe( 'Foo bar' );
		expect( isRedirect( '#REDIRECT [[Foo]]' ) ).toBe( true );
	} );

	it( 'are not anything else', () => {
		for ( const text of [
			'', 'Foo', 'x\n#REDIRECT [[Foo]]', '{{#REDIRECT [[Foo]]}}', '#REDIRECT Foo', '#REDIRECT [[Foo\n]]', '#REDIRECT [[]]',
			'#REDIRECT [[Foo', '#REDIRECT [[<b>]]', '#REDIRECT [[A%FF]]', '#REDIRECT [[A%7CB]]', '#REDIRECT [[#Section]]', '#REDIRECT:: [[Foo]]',
			'#REDIRECT [[{{a}}]]', '\ufeff#REDIRECT [[Foo]]', '#REDIRECTION [[Foo]]', '# REDIRECT [[Foo]]',
		] ) {
			expect( redirectTarget( text ) ).toBeNull();
			expect( isRedirect( text ) ).toBe( false );
		}
	} );
} );

describe( 'parseTimestamp', () => {
	it( 'reads the accepted forms into canonical timestamps', () => {
		expect( parseTimestamp( '2026-11-21T09:30:00Z' ) ).toBe( '2026-11-21T09:30:00Z' );
		expect( parseTimestamp( '2026-11-21' ) ).toBe( '2026-11-21T00:00:00Z' );
		expect( parseTimestamp( '2026-11-21 09:30' ) ).toBe( '2026-11-21T09:30:00Z' );
		expect( parseTimestamp( '2026-11-21T09:30' ) ).toBe( '2026-11-21T09:30:00Z' );
		expect( parseTimestamp( '2026-11-21 09:30:15' ) ).toBe( '2026-11-21T09:30:15Z' );
		expect( parseTimestamp( '2026-11-21 09:30Z' ) ).toBe( '2026-11-21T09:30:00Z' );
		expect( parseTimestamp( ' \n2026-11-21\u00a0' ) ).toBe( '2026-11-21T00:00:00Z' );
		expect( parseTimestamp( ' '.repeat( 100000 ) + '2026-11-21' ) ).toBe( '2026-11-21T00:00:00Z' );
	} );

	it( 'accepts leap days exactly', () => {
		expect( parseTimestamp( '2024-02-29' ) ).toBe( '2024-02-29T00:00:00Z' );
		expect( parseTimestamp( '2000-02-29' ) ).toBe( '2000-02-29T00:00:00Z' );
		expect( parseTimestamp( '2025-02-29' ) ).toBeNull();
		expect( parseTimestamp( '1900-02-29' ) ).toBeNull();
		expect( parseTimestamp( '2024-02-30' ) ).toBeNull();
	} );

	it( 'refuses days and times that do not exist, and other text', () => {
		for ( const typed of [
			'2024-05-01T25:61', '2026-00-10T03:58:40Z', '2026-13-01', '2026-01-00', '2026-01-32', '2026-04-31', '2026-06-31',
			'2026-01-01T24:00', '2026-01-01T23:60', '2026-01-01T23:59:60', '2026-1-01', '26-01-01', '2026-01-01T', '2026-01-01T09',
			'2026-01-01t09:00', '2026-01-01T09:00:00z', '2026-01-01T09:00:00+01:00', '2026-01-01T09:00:00.000Z', 'yesterday', '',
			'\ufeff2026-01-01', '２０２６-01-01', '2026-01-01 junk', '2026-01-01' + '0'.repeat( 100000 ),
		] ) {
			expect( parseTimestamp( typed ) ).toBeNull();
		}
	} );

	it( 'never accepts a date that Date moves to another day, and accepts every real one', () => {
		const two = ( max: number ): fc.Arbitrary<string> => fc.integer( { min: 0, max: max } ).map( ( n ) => String( n ).padStart( 2, '0' ) );
		fc.assert( fc.property( fc.integer( { min: 0, max: 9999 } ), two( 14 ), two( 33 ), two( 25 ), two( 61 ), two( 61 ), ( year, month, day, hour, minute, second ) => {
			const typed = String( year ).padStart( 4, '0' ) + '-' + month + '-' + day + 'T' + hour + ':' + minute + ':' + second + 'Z';
			const iso = parseTimestamp( typed );
			const date = new Date( typed );
			const real = !isNaN( date.getTime() ) && date.toISOString().replace( '.000Z', 'Z' ) === typed;
			expect( iso === null ? null : new Date( iso ).toISOString().replace( '.000Z', 'Z' ) ).toBe( iso );
			expect( iso ).toBe( real ? typed : null );
		} ), { numRuns: 5000 } );
		fc.assert( fc.property( fc.date( { min: new Date( '0000-01-01T00:00:00Z' ), max: new Date( '9999-12-31T23:59:59Z' ), noInvalidDate: true } ), ( date: Date ) => {
			const iso = date.toISOString().slice( 0, 19 ) + 'Z';
			expect( parseTimestamp( iso ) ).toBe( iso );
			expect( parseTimestamp( iso.slice( 0, 10 ) + ' ' + iso.slice( 11, 19 ) ) ).toBe( iso );
		} ) );
	} );
} );

describe( 'dates', () => {
	const now = '2026-11-21T09:30:00Z';

	it( 'dateProblem says what is wrong with a typed date', () => {
		expect( dateProblem( '2026-11-21T09:30:00Z', now ) ).toBe( '' );
		expect( dateProblem( '2026-11-21', now ) ).toBe( '' );
		expect( dateProblem( '2001-01-15', now ) ).toBe( '' );
		expect( dateProblem( '2026-11-21T09:30:01Z', now ) ).toBe( 'in the future' );
		expect( dateProblem( '2026-11-21T09:30:01Z', '2026-11-21T09:30:01.500Z' ) ).toBe( '' );
		expect( dateProblem( '2999-01-01', now ) ).toBe( 'in the future' );
		expect( dateProblem( '2001-01-14T23:59:59Z', now ) ).toBe( 'before 2001-01-15, when Wikipedia began' );
		expect( dateProblem( '1900-02-29', now ) ).toBe( 'not a date' );
		expect( dateProblem( '2026-00-10T03:58:40Z', now ) ).toBe( 'not a date' );
		expect( dateProblem( 'soon', now ) ).toBe( 'not a date' );
	} );

	it( 'isoSeconds, daysBetween and addDays count in UTC and whole seconds and days', () => {
		expect( isoSeconds( Date.UTC( 2026, 10, 21, 9, 30, 0, 999 ) ) ).toBe( '2026-11-21T09:30:00Z' );
		expect( isoSeconds( NaN ) ).toBe( '' );
		expect( daysBetween( '2026-11-01T10:00:00Z', '2026-11-21T09:59:59Z' ) ).toBe( 19 );
		expect( daysBetween( '2026-11-01T10:00:00Z', '2026-11-21T10:00:00Z' ) ).toBe( 20 );
		expect( daysBetween( '2026-11-21T10:00:00Z', '2026-11-21T09:00:00Z' ) ).toBe( -1 );
		expect( daysBetween( '2024-02-28T00:00:00Z', '2024-03-01T00:00:00Z' ) ).toBe( 2 );
		expect( daysBetween( 'never', now ) ).toBeNaN();
		expect( addDays( '2024-02-28T12:00:00Z', 1 ) ).toBe( '2024-02-29T12:00:00Z' );
		expect( addDays( '2026-03-29T00:30:00Z', 1 ) ).toBe( '2026-03-30T00:30:00Z' );
		expect( addDays( '2026-01-10T00:00:00Z', -10 ) ).toBe( '2025-12-31T00:00:00Z' );
		expect( addDays( 'never', 1 ) ).toBe( '' );
	} );
} );

describe( 'user names', () => {
	it( 'normaliseUserName folds MediaWiki title whitespace, drops a User: prefix and bidi marks', () => {
		expect( normaliseUserName( 'user_name' ) ).toBe( 'User name' );
		expect( normaliseUserName( ' user  name ' ) ).toBe( 'User name' );
		expect( normaliseUserName( 'User:amara_Okafor' ) ).toBe( 'Amara Okafor' );
		expect( normaliseUserName( 'user : Amara' ) ).toBe( 'Amara' );
		expect( normaliseUserName( 'Benutzer:Kenji' ) ).toBe( 'Kenji' );
		expect( normaliseUserName( 'Användare:Lucía' ) ).toBe( 'Lucía' );
		expect( normaliseUserName( '\u00a0Amara\u2003Okafor\u3000' ) ).toBe( 'Amara Okafor' );
		expect( normaliseUserName( '\u200eAmara Okafor\u200f' ) ).toBe( 'Amara Okafor' );
		expect( normaliseUserName( '\ufeffAmara' ) ).toBe( '\ufeffAmara' );
		expect( normaliseUserName( '\nAmara' ) ).toBe( '\nAmara' );
	} );

	it( 'userNameProblem accepts names an account can have', () => {
		for ( const name of [ 'Amara Okafor', 'amara_okafor', 'Lucía Fernández', '渡辺健二', 'A', 'X'.repeat( 255 ), 'Foo.bar', 'Foo (WMSE)', '1.2.3', 'Bot 2' ] ) {
			expect( userNameProblem( name ) ).toBe( '' );
		}
	} );

	it( 'userNameProblem refuses, with a reason, what MediaWiki refuses', () => {
		const cases: [ string, RegExp ][] = [
			[ '', /empty/ ], [ ' _ ', /empty/ ],
			[ '192.168.0.1', /IP/ ], [ '1.2.3.xxx', /IP/ ], [ '2001:db8::1', /IP/ ], [ '::1', /IP/ ], [ 'fe80:0:0:0:0:0:0:1', /IP/ ],
			[ 'é'.repeat( 128 ), /255 bytes/ ],
			[ 'A#b', /"#"/ ], [ 'A<b', /"<"/ ], [ 'A>b', /">"/ ], [ 'A[b', /"\["/ ], [ 'A]b', /"]"/ ], [ 'A|b', /"\|"/ ], [ 'A{b', /"\{"/ ], [ 'A}b', /"}"/ ],
			[ 'A\nb', /U\+000A/ ], [ 'A\u0000b', /U\+0000/ ], [ 'A\u007fb', /U\+007F/ ], [ 'A\ufffdb', /U\+FFFD/ ], [ 'A\ud800b', /surrogate/ ],
			[ 'A@b', /"@"/ ], [ 'A:b', /":"/ ], [ 'A=b', /"="/ ], [ 'User:Amara', /":"/ ],
			[ 'A/b', /"\/"/ ], [ 'A~~~b', /~~~/ ], [ 'A%41', /percent/ ], [ '..', /relative/ ],
			[ 'A\u200bb', /U\+200B/ ], [ 'A\ue000b', /U\+E000/ ], [ 'A\u0085b', /U\+0085/ ],
		];
		for ( const [ name, reason ] of cases ) {
			expect( userNameProblem( name ) ).toMatch( reason );
		}
	} );
} );

describe( 'shortened', () => {
	it( 'keeps short text, turns control characters and line breaks into spaces', () => {
		expect( shortened( 'short' ) ).toBe( 'short' );
		expect( shortened( 'a\nb\r\n\tc\u0000d\u2028e' ) ).toBe( 'a b c d e' );
	} );

	it( 'cuts to max code points with …, never inside a surrogate pair', () => {
		expect( shortened( 'x'.repeat( 201 ) ) ).toBe( 'x'.repeat( 199 ) + '…' );
		expect( shortened( 'x'.repeat( 200 ) ) ).toBe( 'x'.repeat( 200 ) );
		expect( shortened( '😀😀😀😀', 3 ) ).toBe( '😀😀…' );
		expect( shortened( 'abc', 0 ) ).toBe( '' );
		fc.assert( fc.property( fc.string( { unit: 'binary' } ), fc.integer( { min: 1, max: 50 } ), ( text: string, max: number ) => {
			const short = shortened( text, max );
			// eslint-disable-next-line no-control-regex
			const spaced = text.replace( /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ' );
			expect( Array.from( short ).length ).toBeLessThanOrEqual( max );
			// eslint-disable-next-line no-control-regex
			expect( short ).not.toMatch( /[\u0000-\u001f\u007f]/ );
			if ( Array.from( spaced ).length > max ) {
				expect( short.endsWith( '…' ) ).toBe( true );
				expect( spaced.startsWith( short.slice( 0, -1 ) ) ).toBe( true );
			} else {
				expect( short ).toBe( spaced );
			}
		} ) );
	} );
} );
