/**
 * Module:Helpdesk request's links, run with Lua 5.1 as Scribunto runs it: only a
 * well-formed http(s) URL becomes an external link, and nothing typed in the Links
 * field becomes any other structure.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { escapeText } from '../../../shared/escape';

const MODULE = resolve( __dirname, '../../../shared/pages/Module-Helpdesk_request.lua' );
const HAS_LUA = spawnSync( 'lua5.1', [ '-v' ] ).status === 0;
const dir = mkdtempSync( join( tmpdir(), 'helpdesk-links-' ) );

afterAll( () => {
	rmSync( dir, { recursive: true, force: true } );
} );

/** A Lua string literal of any text (byte by byte). */
function luaString( text: string ): string {
	return '"' + Array.from( Buffer.from( text, 'utf8' ), ( byte ) => (
		byte < 32 || byte === 34 || byte === 92 || byte >= 127 ? '\\' + byte : String.fromCharCode( byte )
	) ).join( '' ) + '"';
}

/** The module's output for each list value (as the codec writes it), one run of Lua for all. */
function renderLinks( values: string[] ): string[] {
	const file = join( dir, 'links.lua' );
	writeFileSync( file, [
		'local p = dofile( ' + luaString( MODULE ) + ' )',
		'local values = { ' + values.map( luaString ).join( ', ' ) + ' }',
		'for _, value in ipairs( values ) do io.write( p.renderLinks( value ), "\\0" ) end',
	].join( '\n' ) );
	const result = spawnSync( 'lua5.1', [ file ], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 } );
	if ( result.status !== 0 ) {
		throw new Error( 'Lua failed: ' + result.stderr );
	}
	return result.stdout.split( '\0' ).slice( 0, values.length );
}

/** The list as the codec writes it. */
function list( entries: string[] ): string {
	return entries.map( ( entry ) => '\n* ' + escapeText( entry, false ) ).join( '' );
}

/** Outside the one external link an entry may become, the only markup allowed is the list's `* `. */
function structureOutsideLinks( line: string ): string {
	return line.replace( /^\* /, '' ).replace( /^\[https?:\/\/[^\s[\]<>"'{}|]+ [^\]]*\]$/, '' ).replace( /&(?:#\d+|amp|lt|gt|quot);/g, '' );
}

describe.skipIf( !HAS_LUA )( 'links on a request page (Module:Helpdesk request)', () => {
	it( 'makes well-formed http(s) URLs external links, labelled with the URL as text', () => {
		const [ rendered ] = renderLinks( [ list( [
			'https://smart.servier.com/',
			'http://example.org/a_b?x=1&y=2#top',
			'https://sv.wikipedia.org/wiki/Överkalix',
			'HTTPS://EXAMPLE.ORG:8080/',
		] ) ] );
		expect( rendered.split( '\n' ) ).toEqual( [
			'* [https://smart.servier.com/ https&#58;//smart.servier.com/]',
			'* [http://example.org/a&#95;b?x=1&#38;y=2#top http&#58;//example.org/a&#95;b?x&#61;1&#38;y&#61;2&#35;top]',
			'* [https://sv.wikipedia.org/wiki/Överkalix https&#58;//sv.wikipedia.org/wiki/Överkalix]',
			'* [HTTPS://EXAMPLE.ORG:8080/ HTTPS&#58;//EXAMPLE.ORG&#58;8080/]',
		] );
	} );

	it( 'shows anything else as text: other schemes, spaces, brackets, quotes, user names, hidden characters', () => {
		const hostile = [
			// eslint-disable-next-line no-script-url
			'javascript:alert(1)',
			'www.example.org',
			'https://example.org/ [[Category:Spam]]',
			'https://example.org/"onmouseover="x',
			'https://example.org/\'\'bold\'\'',
			'https://example.org/{{Delete}}',
			'https://example.org/a|b',
			'https://user@evil.example/',
			'https://example.org/\u00a0ISBN 0123456789',
			'https://example.org/\u202ex',
			'https://example.org/\u200bx',
			'https://',
			'ftp://example.org/',
			'//example.org/',
			'[https://example.org/ label] trailing',
			'ISBN 0123456789',
			'~~~~ __NOTOC__ <script>x</script>',
		];
		const rendered = renderLinks( hostile.map( ( entry ) => list( [ entry ] ) ) );
		rendered.forEach( ( line, index ) => {
			expect( line, hostile[ index ] ).toMatch( /^\* / );
			expect( line, hostile[ index ] ).not.toMatch( /\[http/i );
			expect( structureOutsideLinks( line ), hostile[ index ] ).not.toMatch( /[[\]{}<>|'=~_:"]|ISBN |https?:\/\//i );
		} );
	} );

	it( 'keeps `__` and `&` in a URL from being read as a switch or a character reference', () => {
		const [ rendered ] = renderLinks( [ list( [ 'https://example.org/__NOTOC__?q=&lt;' ] ) ] );
		expect( rendered ).toBe( '* [https://example.org/&#95;&#95;NOTOC&#95;&#95;?q=&#38;lt;' +
			' https&#58;//example.org/&#95;&#95;NOTOC&#95;&#95;?q&#61;&#38;lt&#59;]' );
	} );

	it( 'reads lists as the codec does, and links written by hand in brackets', () => {
		const [ bulleted, plain, hand ] = renderLinks( [
			'\n* https&#58;//a.example/\n* \n',
			'https://b.example/\n\nnot a link',
			'\n* [https://c.example/ The partner\'s site]',
		] );
		expect( bulleted ).toBe( '* [https://a.example/ https&#58;//a.example/]' );
		expect( plain ).toBe( '* [https://b.example/ https&#58;//b.example/]\n* not a link' );
		expect( hand ).toBe( '* [https://c.example/ The partner&#39;s site]' );
	} );

	it( 'never lets typed text become structure (property)', () => {
		const piece = fc.constantFrom( 'https://', 'http://', 'example.org', '/', ' ', '[', ']', '{{', '}}', '|', '\'\'', '"', '<', '>',
			'&', '&amp;', '&#58;', '_', '__NOTOC__', '~~~', 'ISBN 1', ':', '=', '*', '#', '\n', '\u00a0', '\u202e', 'a', 'é' );
		const entries = fc.array( fc.array( piece, { maxLength: 8 } ).map( ( parts ) => parts.join( '' ) ), { minLength: 1, maxLength: 4 } );
		const samples = fc.sample( entries, 200 );
		const rendered = renderLinks( samples.map( list ) );
		rendered.forEach( ( output, index ) => {
			for ( const line of output === '' ? [] : output.split( '\n' ) ) {
				expect( structureOutsideLinks( line ), JSON.stringify( samples[ index ] ) ).not.toMatch( /[[\]{}<>|'=~"\n]|__|\bISBN[\s\u00a0]|:\/\//i );
			}
		} );
	} );
} );
