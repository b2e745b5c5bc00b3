/**
 * Text that wikitext would take for markup, typed into every free-text field of
 * the form, is saved as typed and shown literally: the request page gets no
 * category, template, link, signature, heading or behaviour switch from it.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { renderRequestPage } from '../../shared/codec';
import { candidateTitles } from '../../shared/title';
import type { RequestFormFields } from '../../shared/request';
import { fileShownRequest, fillRequest, openForm, showPreview } from '../../scripts/lib/browser/request-form';
import { fullPageScreenshot } from './support/screenshots';
import { loggedInSession } from '../../scripts/lib/browser/session';
import { formFieldsOf, formTestbed, savedRequest } from './support/testbed';
import { parsePage, ParsedPage, renderedText } from './support/rendering';
import { sampleFields } from '../../scripts/lib/sample-request';

const RUN = Date.now().toString( 36 );

/**
 * Every kind of markup from the list of the request contract, in every free-text
 * field. (No space before `? ! : ; %`: there MediaWiki shows a no-break space, by
 * design, which would make "shown literally" a matter of whitespace.)
 */
const HOSTILE: RequestFormFields = sampleFields( { title: `{{subst:X}} | [[Category:X]] ~~~~ <nowiki> ${ RUN }`,
	affiliate: '* {{Helpdesk status|declined}} [[User:X]] __NOTOC__',
	partners: [ '* one', '# two', ': three', '; four', '= five =', '----', '[[User:X|X]]', '<nowiki>', '</nowiki>', '<!--' ],
	contentType: '# <!-- hidden? {{PAGENAME}}',
	volume: ': </nowiki> {{{1}}} \'\'bold\'\' ~~~',
	languages: [ 'العربية', 'עברית', '🙂 emoji 👩‍👩‍👧', '{{subst:X}}' ],
	timeline: '; term = ---- https://example.org/?a=b|c',
	description: [
		'* not a list',
		'# not numbered',
		': not indented',
		'; not a term',
		'= not a heading =',
		'== Not a section ==',
		'----',
		'{| class="wikitable"',
		'|}',
		'Signed ~~~~ and ~~~ and ~~~~~',
		'[[Category:X]] [[User:X]] [[:Category:Y]] {{subst:X}} {{Helpdesk request}}',
		'<nowiki> </nowiki> <!-- __NOTOC__ __FORCETOC__ <ref>note</ref>',
		'https://example.org/a_b?c=d&e=f [https://example.org X] ISBN 978-3-16-148410-0',
		'مرحبا بالعالم שלום 🙂',
	].join( '\n' ),
	links: [ 'https://example.org/a_b?c=d&e=f|{{x}}', 'https://example.org/[[Category:X]]~~~~' ],
} );

/** What the parser found on the page, sorted, for comparing two pages. */
function structure( parsed: ParsedPage ): Record<string, unknown> {
	return {
		categories: parsed.categories.map( ( category ) => category.category ).sort(),
		templates: parsed.templates.map( ( template ) => template.title ).sort(),
		links: parsed.links.map( ( link ) => link.title ).sort(),
		externallinks: parsed.externallinks.slice().sort(),
		iwlinks: parsed.iwlinks,
		langlinks: parsed.langlinks,
		images: parsed.images,
		sections: parsed.sections.map( ( section ) => section.line ),
		properties: parsed.properties,
	};
}

describe( 'hostile text in the form', () => {
	const testbed = formTestbed();

	it( 'is saved exactly as typed and shown literally, adding nothing to the page', async () => {
		const { context, page } = await loggedInSession( testbed.browser, testbed.wiki, 'Requester One' );
		try {
			await openForm( page, testbed.wiki );
			await fillRequest( page, HOSTILE );
			const title = candidateTitles( HOSTILE.title, 1 )[ 0 ];
			expect( await showPreview( page ) ).toContain( `"${ title }"` );
			expect( await fileShownRequest( page ) ).toBe( title );
			await fullPageScreenshot( page, 'request-page-hostile' );

			// Saved: the page reads back as exactly what was typed.
			const saved = await savedRequest( testbed.reader, title );
			expect( formFieldsOf( saved ) ).toEqual( HOSTILE );

			// Shown: each field's element on the page the requester sees holds the text as typed.
			const document = new JSDOM( await page.innerHTML( '#mw-content-text' ) ).window.document;
			const shown = ( param: string ): string => {
				const found = document.querySelectorAll( '.helpdesk-request-field-' + param );
				return found.length === 1 ? renderedText( found[ 0 ] ) : `(${ found.length } elements)`;
			};
			const entries = ( param: string ): string[] => Array.from(
				document.querySelectorAll( `.helpdesk-request-field-${ param } > ul > li` ), renderedText,
			);
			expect( {
				title: shown( 'title' ),
				affiliate: shown( 'affiliate' ),
				partners: entries( 'partners' ),
				contentType: shown( 'content_type' ),
				volume: shown( 'volume' ),
				languages: entries( 'languages' ),
				timeline: shown( 'timeline' ),
				// The template puts the description on lines of its own.
				description: shown( 'description' ).replace( /^\n|\n$/g, '' ),
				links: entries( 'links' ),
			} ).toEqual( {
				title: HOSTILE.title,
				affiliate: HOSTILE.affiliate,
				partners: HOSTILE.partners,
				contentType: HOSTILE.contentType,
				volume: HOSTILE.volume,
				languages: HOSTILE.languages,
				timeline: HOSTILE.timeline,
				description: HOSTILE.description,
				links: HOSTILE.links,
			} );

			// Parsed: the same categories, templates, links, sections and switches as
			// an ordinary request by the same requester has.
			const ordinary = { ...saved, ...sampleFields( { title: 'Ordinary request' } ) };
			const expected = await parsePage( testbed.reader, { title: title, text: renderRequestPage( ordinary ), contentmodel: 'wikitext' } );
			const actual = await parsePage( testbed.reader, { page: title } );
			// (The ordinary request's well-formed links are links; none of the hostile entries is one.)
			expect( { ...structure( actual ), externallinks: [] } ).toEqual( { ...structure( expected ), externallinks: [] } );
			expect( structure( actual ) ).toMatchObject( { links: [ 'User talk:Requester One', 'User:Requester One' ], externallinks: [] } );
		} finally {
			await context.close();
		}
	} );
} );
