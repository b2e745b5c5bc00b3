/**
 * The templates that show a request, a badge, a sign-off and a recommendation take
 * their texts from Module:Helpdesk request's messages: every message a template
 * names exists and every message is used; who each status waits for is the bot's;
 * the notice for an unknown status names every status; the individual flag and the
 * kinds of sign-off are read as the bot reads them; categories stay English.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PAGES_DIR, requestMessages } from '../../../scripts/onwiki-pages';
import { Party, STATUSES, WAITING_ON } from '../../../shared/status';

function file( name: string ): string {
	return readFileSync( join( PAGES_DIR, name ), 'utf8' );
}

/** The text of a page as transcluded: no <noinclude> parts, <includeonly> tags dropped. */
function transcluded( text: string ): string {
	return text.replace( /<noinclude>[\s\S]*?<\/noinclude>/g, '' ).replace( /<\/?includeonly>/g, '' );
}

const TEMPLATES = [
	'Template-Helpdesk_request.wikitext', 'Template-Helpdesk_status--badge.wikitext', 'Template-Helpdesk_sign-off.wikitext',
	'Template-Helpdesk_recommendation.wikitext', 'Template-Helpdesk_request--editintro.wikitext',
];

/** `| a | b = value` lines of a text: each case label → its value. */
function cases( text: string ): Map<string, string> {
	const found = new Map<string, string>();
	for ( const [ , labels, value ] of text.matchAll( /^ ?\| ([^=\n]+?) = (.*)$/gm ) ) {
		labels.split( '|' ).forEach( ( label ) => found.set( label.trim(), value.trim() ) );
	}
	return found;
}

const MSG = /\{\{#invoke:Helpdesk request\|msg\|([a-z-]+)[|}]/g;

describe( 'the texts of the request templates', () => {
	let en: Record<string, string>;
	let request: string;

	beforeAll( async () => {
		en = ( await requestMessages() ).en;
		request = transcluded( file( 'Template-Helpdesk_request.wikitext' ) );
	} );

	it( 'names only messages that exist, and every message is used', () => {
		const used = new Set<string>();
		for ( const name of TEMPLATES ) {
			for ( const [ , key ] of transcluded( file( name ) ).matchAll( MSG ) ) {
				expect( en, name + ': ' + key ).toHaveProperty( 'helpdesk-request-' + key );
				used.add( 'helpdesk-request-' + key );
			}
		}
		// The module names the rest: status labels and tooltips, the box "What happens next", labels of codes.
		const module = file( 'Module-Helpdesk_request.lua' );
		for ( const key of Object.keys( en ) ) {
			const short = key.replace( /^helpdesk-request-/, '' );
			const byModule = module.includes( '\'' + short + '\'' ) ||
				[ 'status-', 'status-title-', 'next-committee-', 'next-requester-', 'support-', 'stage-', 'project-', 'continent-', 'routing-why-',
					'routing-none-' ]
					.some( ( prefix ) => short.startsWith( prefix ) && module.includes( '\'' + prefix + '\'' ) );
			expect( used.has( key ) || byModule, key ).toBe( true );
		}
	} );

	it( 'says who each status waits for, as the bot does', () => {
		const parties: Record<Party, string> = {
			committee: 'the Expert Committee',
			'working-group': 'a working group',
			helpdesk: 'the Helpdesk',
			requester: 'the requester',
			nobody: 'nobody: the request is closed',
		};
		const start = request.indexOf( 'class="helpdesk-request-waiting-for"' );
		const waiting = cases( request.slice( start, request.indexOf( '</td>', start ) ) );
		for ( const status of STATUSES ) {
			const key = /\|msg\|([a-z-]+)\|/.exec( waiting.get( status ) || '' )?.[ 1 ];
			expect( en[ 'helpdesk-request-' + key ], status ).toBe( parties[ WAITING_ON[ status ] ] );
		}
		expect( en[ 'helpdesk-request-' + /\|msg\|([a-z-]+)\|/.exec( waiting.get( '#default' ) || '' )?.[ 1 ] ] ).toBe( 'someone to correct the status' );
	} );

	it( 'names every status in the notice for a status it does not understand', () => {
		const notice = /\{\{#invoke:Helpdesk request\|msg\|notice-unknown-status\|\{\{\{language\|\}\}\}\|text1=\{\{\{status\|\}\}\}\|([^}]*)\}\}<\/div>/.exec( request );
		expect( notice ).not.toBeNull();
		const listed = Array.from( ( notice as RegExpExecArray )[ 1 ].matchAll( /<code>([^<]+)<\/code>/g ) ).map( ( match ) => match[ 1 ] );
		expect( listed ).toEqual( [ ...STATUSES ] );
		expect( en[ 'helpdesk-request-notice-unknown-status' ] ).toBe( 'The status “$1” is not a Helpdesk status. Use one of: $2.' );
	} );

	it( 'reads the individual flag as the codec does', () => {
		expect( request ).toContain( '{{#switch:{{lc:{{{individual|}}}}}\n| yes | y | true | 1 | ja | oui | sí | si = {{#invoke:Helpdesk request|msg|individual|{{{language|}}}}}' );
		expect( en[ 'helpdesk-request-individual' ] ).toBe( 'Individual volunteer' );
	} );

	it( 'labels the badge from the messages, for every status, and keeps its colours', () => {
		const badge = transcluded( file( 'Template-Helpdesk_status--badge.wikitext' ) );
		expect( badge ).toContain( 'title="{{#invoke:Helpdesk request|statusTitle|{{{1|}}}|lang={{{lang|}}}}}"' );
		expect( badge ).toContain( '>{{#invoke:Helpdesk request|status|{{{1|}}}|{{{2|}}}|lang={{{lang|}}}}}</span>' );
		const colours = cases( badge );
		for ( const status of STATUSES ) {
			expect( colours.get( status ), status ).toMatch( /^background-color:#/ );
			expect( en, status ).toHaveProperty( 'helpdesk-request-status-' + status );
			expect( en, status ).toHaveProperty( 'helpdesk-request-status-title-' + status );
		}
		// The request page passes its language to the badge.
		expect( request ).toContain( '{{Helpdesk status/badge|{{Helpdesk status/code|{{{status|}}}}}|{{{status|}}}|lang={{{language|}}}}}' );
	} );

	it( 'gives sign-offs the values the bot reads', () => {
		const signOff = cases( transcluded( file( 'Template-Helpdesk_sign-off.wikitext' ) ) );
		expect( signOff.get( 'feedback' ) ).toBe( '{{#invoke:Helpdesk request|msg|signoff-feedback}}' );
		expect( signOff.get( 'yes' ) ).toBe( '{{#invoke:Helpdesk request|msg|signoff-final-yes}}' );
		expect( signOff.get( 'no' ) ).toBe( '{{#invoke:Helpdesk request|msg|signoff-final-no}}' );
		expect( signOff.get( 'final-go' ) ).toBe( '{{#switch:{{lc:{{{decision|}}}}}' );
		for ( const reason of [ 'added-by-other', 'not-member', 'no-decision', 'author-unknown', 'not-a-user' ] ) {
			expect( signOff.get( reason ), reason ).toMatch( /^\{\{#invoke:Helpdesk request\|msg\|signoff-/ );
		}
	} );

	it( 'keeps the categories English, outside the messages', () => {
		const categories = Array.from( request.matchAll( /\[\[Category:([^\]]+)\]\]/g ), ( match ) => match[ 1 ] );
		// Every request, one per status, and needing attention (unknown status, missing title or requester).
		expect( categories.length ).toBe( STATUSES.length + 4 );
		expect( new Set( categories ).size ).toBe( STATUSES.length + 2 );
		for ( const text of Object.values( en ) ) {
			expect( text ).not.toContain( '[[Category:' );
		}
	} );
} );
