/**
 * What a person typed is data wherever the bot writes it again. Hostile values in
 * every text parameter of a request page — escaped as the gadget writes them, or
 * typed raw by hand — must not give the compiled pages or the bot's notices a
 * single link, category, template call, signature, heading, table cell or tag
 * more than the same request with plain values.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { InMemoryActionApi } from './fake-api';
import { makeWiki, PREFIX, requestText, runBot } from './helpers';

const FRAGMENTS = [
	'[[', ']]', '[', ']', '{{', '}}', '{{{', '|', '||', '!!', '~~~~', '~~~', '\n', '\n=', '==', "''", 'Category:', 'User:', ':', '<ref>', '</ref>',
	'<nowiki>', '<!--', '-->', '&', '&#91;', '#', '*', '!', '-', '{|', '|}', '|-', '=', 'ISBN 978', 'http://example.org', '__TOC__', ' ', 'a', 'ü',
	'\u200f', 'Amara Okafor', '#REDIRECT', '<div>',
];

const hostile = fc.string( { unit: fc.constantFrom( ...FRAGMENTS ), minLength: 1, maxLength: 12 } );

interface Values {
	title: string;
	requester: string;
	affiliate: string;
	contentType: string;
	volume: string;
	timeline: string;
	description: string;
	partners: string[];
	languages: string[];
	links: string[];
}

const PLAIN: Values = {
	title: 'Plain title', requester: 'Kofi Mensah', affiliate: 'Plain affiliate', contentType: 'Photographs', volume: 'Many', timeline: 'Soon',
	description: 'Plain description.', partners: [ 'Plain partner' ], languages: [ 'en' ], links: [ 'https://example.org' ],
};

/** What makes wikitext structural, counted. */
function structure( wikitext: string ): Record<string, number> {
	// Comments (the bot's markers among them) are not rendered.
	const text = wikitext.replace( /<!--[\s\S]*?(-->|$)/g, '' );
	const count = ( pattern: RegExp ): number => ( text.match( pattern ) || [] ).length;
	return {
		links: count( /\[\[/g ),
		categories: count( /\[\[\s*:?\s*category\s*:/gi ),
		templates: count( /\{\{/g ),
		signatures: count( /~~~/g ),
		headings: count( /^=/gm ),
		// As MediaWiki reads a table: each line trimmed; `||` splits cells on any table line, `!!` on header lines.
		cells: text.split( '\n' ).map( ( line ) => line.trim() ).reduce( ( sum, line ) => sum + ( /^[|!]/.test( line ) ?
			1 + ( line.match( /\|\|/g ) || [] ).length + ( line.charAt( 0 ) === '!' ? ( line.match( /!!/g ) || [] ).length : 0 ) : 0 ), 0 ),
		tags: count( /<[a-z/!]/gi ),
		externalLinks: count( /https?:\/\/|\[\/\/|(^|[^\w])(ISBN|RFC|PMID)[ \t\u00a0]/gm ),
	};
}

/** The wikitext the bot wrote: compiled pages whole, and what its edits added to request and talk pages. */
function written( wiki: InMemoryActionApi, before: Record<string, string> ): string[] {
	const texts: string[] = [];
	wiki.pages.forEach( ( page, title ) => {
		if ( /\.json$/.test( title ) ) {
			return;
		}
		const latest = page.revisions[ page.revisions.length - 1 ];
		if ( title.indexOf( PREFIX ) === 0 || /^User talk:/.test( title ) ) {
			const original = before[ title ] || '';
			texts.push( latest.text.indexOf( original.replace( /\s+$/, '' ) ) === 0 ? latest.text.slice( original.replace( /\s+$/, '' ).length ) :
				latest.text.split( '\n' ).filter( ( line ) => !original.split( '\n' ).includes( line ) ).join( '\n' ) );
		} else if ( latest.user === wiki.botName ) {
			texts.push( latest.text );
		}
	} );
	return texts;
}

/** The page as a person might type the values by hand: raw, only what would break the template call taken out. */
function handTyped( values: Values ): string {
	const raw = ( value: string ): string => value.replace( /[|{}\n]/g, ' ' );
	return [
		'{{Helpdesk request', '| title = ' + raw( values.title ), '| status = submitted', '| requester = ' + raw( values.requester ),
		'| filed = 2026-03-01T08:00:00Z', '| language = en', '| affiliate = ' + raw( values.affiliate ), '| country = GH',
		'| support = mass-upload', '| content_type = ' + raw( values.contentType ), '| volume = ' + raw( values.volume ),
		'| timeline = ' + raw( values.timeline ), '| description = ' + raw( values.description ),
		'| partners =', ...values.partners.map( ( partner ) => '* ' + raw( partner ) ), '| links =', ...values.links.map( ( link ) => '* ' + raw( link ) ),
		'}}', '', '== Discussion ==',
	].join( '\n' );
}

async function compile( values: Values, byHand: boolean ): Promise<{ texts: string[]; summaries: string[] }> {
	const wiki = makeWiki();
	const title = PREFIX + 'Request';
	const text = byHand ? handTyped( values ) : requestText( Object.assign( {}, values, { filed: '2026-03-01T08:00:00Z', support: [ 'mass-upload' as const ] } ) );
	wiki.save( title, text, 'Kofi Mensah' );
	const before: Record<string, string> = { [ title ]: wiki.text( title ) };
	const first = await runBot( wiki );
	// A person changes the status: the requester is told, the table shows the new status.
	wiki.save( title, wiki.text( title ).replace( /^\| status = .*$/m, '| status = approved' ), 'Amara Okafor' );
	before[ title ] = wiki.text( title );
	wiki.tick( 15 );
	const second = await runBot( wiki );
	return { texts: written( wiki, before ), summaries: first.edits.concat( second.edits ).map( ( edit ) => edit.summary ) };
}

function total( texts: string[] ): Record<string, number> {
	const sum: Record<string, number> = {};
	texts.map( structure ).forEach( ( counts ) => Object.keys( counts ).forEach( ( key ) => {
		sum[ key ] = ( sum[ key ] || 0 ) + counts[ key ];
	} ) );
	return sum;
}

describe( 'hostile values', () => {
	test( 'give the compiled pages and the notices no structure beyond what plain values give', async () => {
		const baseline = {
			escaped: total( ( await compile( PLAIN, false ) ).texts ),
			byHand: total( ( await compile( PLAIN, true ) ).texts ),
		};
		expect( baseline.escaped.links ).toBeGreaterThan( 0 );
		await fc.assert( fc.asyncProperty(
			fc.record( {
				title: hostile, requester: fc.oneof( hostile, fc.constant( 'Kofi Mensah' ) ), affiliate: hostile, contentType: hostile, volume: hostile,
				timeline: hostile, description: hostile, partners: fc.array( hostile, { minLength: 1, maxLength: 2 } ),
				languages: fc.array( hostile, { minLength: 1, maxLength: 2 } ), links: fc.array( hostile, { minLength: 1, maxLength: 2 } ),
			} ),
			fc.boolean(),
			async ( values, byHand ) => {
				const { texts, summaries } = await compile( values, byHand );
				const counts = total( texts );
				const expected = byHand ? baseline.byHand : baseline.escaped;
				Object.keys( expected ).forEach( ( key ) => {
					expect( counts[ key ], key ).toBeLessThanOrEqual( expected[ key ] );
				} );
				expect( counts.categories ).toBe( 0 );
				summaries.forEach( ( summary ) => expect( summary ).not.toMatch( /\[\[|\{\{|~~~|<|\n/ ) );
			},
		), { numRuns: 60 } );
	}, 60000 );

	test( 'the example from the field: a requester typed as link markup', async () => {
		const values = Object.assign( {}, PLAIN, { requester: 'X]] [[Category:Injected]] [[User:X' } );
		for ( const byHand of [ false, true ] ) {
			const { texts } = await compile( values, byHand );
			expect( texts.join( '\n' ) ).not.toMatch( /\[\[\s*Category:/i );
			expect( texts.join( '\n' ) ).not.toContain( '[[User:X' );
		}
	} );
} );
