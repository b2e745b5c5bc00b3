/**
 * The real MediaWiki parser checks the codec. For generated requests full of
 * hostile text, as the form makes them (requestFromFields: NFC, trimmed…), the page
 * MediaWiki saves is the page written, it reads back as the same request, and the
 * page as MediaWiki renders it shows every free-text value exactly, with no
 * category, template, link, signature or heading beyond those of a request page.
 *
 * The only differences allowed are MediaWiki's own, in whitespace:
 * - French spacing (Sanitizer::armorFrenchSpaces): a space before `? ! % ; : » ›`
 *   (not followed by a letter or digit) or after `« ‹` is shown as a no-break space;
 * - a blank line in the description ends a paragraph: several blank lines make one
 *   paragraph break, as everywhere in wikitext.
 */
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { Mwn } from 'mwn';
import { beforeAll, describe, expect, it } from 'vitest';
import { requestFromFields } from '../../gadget/filing/fields';
import { parseRequestPage, renderRequestPage } from '../../shared/codec';
import { COUNTRIES } from '../../shared/countries';
import { CATEGORIES, REQUESTS_PREFIX, SETTINGS_PAGE, TEMPLATES } from '../../shared/pages';
import { HelpdeskRequest, PARTNERSHIP_STAGES, RequestFormFields, SUPPORT_KINDS, TARGET_PROJECTS } from '../../shared/request';
import { STATUSES, WORKING_GROUPS } from '../../shared/status';
import { HOSTILE_FRAGMENTS } from '../unit/shared/request-arbitraries';
import { sharedTestWiki } from './setup/shared-wiki';
import { TEST_USER_AGENT } from './setup/test-wiki';
import { installHelpdesk } from '../../scripts/lib/install-helpdesk';
import { BADGE_LABELS, parsePage, renderedText } from './support/rendering';

/** Requests per parse call, and calls: 80 requests in all. */
const BATCH = 10;
const BATCHES_PER_RUN = 4;
const PARALLEL_RUNS = 2;
/** A failed run prints its seed; `HELPDESK_CODEC_SEED=…` replays it. */
const SEED = Number( process.env.HELPDESK_CODEC_SEED ) || Date.now();

const TITLE = REQUESTS_PREFIX + 'Codec check';

/**
 * Control characters other than tab and line break, and DEL, are left out: no wiki
 * page can show them (typed raw, MediaWiki turns C0 ones into U+FFFD on input; as
 * the codec's references they show as written, `&#1;`).
 */
// eslint-disable-next-line no-control-regex
const UNKEEPABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** Text around which MediaWiki changes spacing, and more text that wikitext would take for markup. */
const MORE_FRAGMENTS = [
	' ?', ' !', ' %', ' ;', ' :', '« ', ' »', '‹ ', ' ›', '?x', '[[Category:X]]', '{{subst:X}}', '~~~~',
	'<nowiki>', '</nowiki>', '<!--', '__NOTOC__', '----', '\n*', '\n#', '\n:', '\n;', '\n=', '\n ', '\n----',
	'[[User:X]]', 'https://example.org/?q=a|b', 'ISBN 123', 'ISBN 0-306-40615-2', 'עברית', 'العربية', '🙂', '🏳️‍🌈',
	'\n\n', '\n\n\n', '  ', '\t',
];

const fragment = fc.oneof(
	{ arbitrary: fc.constantFrom( ...HOSTILE_FRAGMENTS, ...MORE_FRAGMENTS ), weight: 4 },
	{ arbitrary: fc.string( { unit: 'grapheme', maxLength: 4 } ), weight: 1 },
);

const hostile = fc.array( fragment, { maxLength: 8 } ).map( ( parts ) => parts.join( '' ).replace( UNKEEPABLE, '' ) );

const REQUESTERS = [ 'Requester One', 'Amara Okafor', 'Lucía Fernández', 'Seán O\'Brien', 'مستخدم تجريبي', '김민준', 'Zoë 🙂' ];
const LANGUAGES = [ 'en', 'sv', 'ar', 'fr', 'de', 'es' ];

const formFields: fc.Arbitrary<RequestFormFields> = fc.record( {
	title: hostile,
	affiliate: hostile,
	individual: fc.boolean(),
	country: fc.constantFrom( ...COUNTRIES.map( ( country ) => country.code ) ),
	partners: fc.array( hostile, { maxLength: 3 } ),
	support: fc.shuffledSubarray( [ ...SUPPORT_KINDS ], { minLength: 1 } ),
	stage: fc.constantFrom( '' as const, ...PARTNERSHIP_STAGES ),
	contentType: hostile,
	volume: hostile,
	projects: fc.shuffledSubarray( [ ...TARGET_PROJECTS ] ),
	languages: fc.array( hostile, { maxLength: 3 } ),
	timeline: hostile,
	description: hostile,
	links: fc.array( fc.oneof( fc.webUrl(), hostile ), { maxLength: 3 } ),
}, { noNullPrototype: true } );

/** A request as the form saves it (its title and description are required). */
const filedRequest: fc.Arbitrary<HelpdeskRequest> = fc.record( {
	fields: formFields,
	requester: fc.constantFrom( ...REQUESTERS ),
	language: fc.constantFrom( ...LANGUAGES ),
	filed: fc.date( { min: new Date( '2020-01-01T00:00:00Z' ), max: new Date( '2030-12-31T23:59:59Z' ), noInvalidDate: true } ),
	status: fc.constantFrom( ...STATUSES ),
	workingGroup: fc.constantFrom( '' as const, ...WORKING_GROUPS ),
} ).map( ( drawn ) => ( {
	...requestFromFields( drawn.fields, { requester: drawn.requester, language: drawn.language }, drawn.filed ),
	status: drawn.status,
	workingGroup: drawn.workingGroup,
} ) ).filter( ( request ) => request.title !== '' && request.description !== '' );

/** Everything a request page may transclude. */
const REQUEST_PAGE_TEMPLATES = [
	'Template:' + TEMPLATES.request, 'Template:Helpdesk request/lang', 'Template:' + TEMPLATES.countryName,
	'Template:' + TEMPLATES.statusBadge, 'Template:Helpdesk status/badge', 'Template:Helpdesk status/code',
	'Module:Helpdesk request',
	// The request page's messages, the country names, for the next meeting the process settings, and the routing
	// hints (mw.loadJsonData).
	'Module:Helpdesk request/i18n.json', 'Module:Helpdesk request/countries.json', SETTINGS_PAGE, 'Content Partnerships Hub/Helpdesk/Routing.json',
];

const HEADINGS: Readonly<Record<string, string>> = {
	en: 'Discussion', sv: 'Diskussion', ar: 'نقاش', fr: 'Discussion', de: 'Diskussion', es: 'Discusión',
};

/**
 * Text with MediaWiki's French spacing undone (Sanitizer::armorFrenchSpaces): where
 * it may put a no-break space, either space counts as one. Whether it does depends
 * on the Unicode version of its PCRE (`(?!\w)` after the sign), so both are allowed.
 */
function withoutFrenchSpacing( text: string ): string {
	return text.replace( /[ \u00a0](?=[?:;!%»›])/g, ' ' ).replace( /([«‹])[ \u00a0]/g, '$1 ' );
}

/** What a one-line value (or list entry) looks like on the rendered page: itself. */
function shown( value: string ): string {
	return withoutFrenchSpacing( value );
}

/** What the description looks like: its lines, with paragraphs apart by one blank line. */
function shownDescription( value: string ): string {
	return withoutFrenchSpacing( value.replace( /\n{2,}/g, '\n\n' ) );
}

function sortedUnique( values: string[] ): string[] {
	return Array.from( new Set( values ) ).sort();
}

describe( 'the codec, checked by MediaWiki\'s parser', () => {
	let client: Mwn;

	beforeAll( async () => {
		const wiki = sharedTestWiki();
		await installHelpdesk( wiki );
		client = new Mwn( { apiUrl: wiki.apiUrl, userAgent: TEST_USER_AGENT, silent: true } );
	} );

	/** Problems of one batch of request pages, saved and rendered as one page; empty when all is well. */
	async function problemsOf( requests: HelpdeskRequest[] ): Promise<string[]> {
		const pages = requests.map( ( request ) => renderRequestPage( request, { discussionHeading: HEADINGS[ request.language ] } ) );
		const written = pages.join( '\n' );
		const problems: string[] = [];
		const saved = ( await client.request( {
			action: 'parse', title: TITLE, text: written, contentmodel: 'wikitext', pst: 1, onlypst: 1, formatversion: 2,
		} ) ).parse.text as string;
		// The pre-save transform (signatures, substitutions, pipe tricks…) finds nothing to do.
		if ( saved !== written.replace( /\s+$/, '' ) ) {
			problems.push( 'the pre-save transform changed the page' );
		}
		let at = 0;
		pages.forEach( ( page, index ) => {
			const outcome = parseRequestPage( saved.slice( at, at + page.length ) );
			at += page.length + 1;
			if ( !outcome.ok ) {
				problems.push( `request ${ index }: saved page does not read back: ${ outcome.problem.message }` );
			} else if ( !isDeepStrictEqual( outcome.request, requests[ index ] ) ) {
				problems.push( `request ${ index }: saved page reads back as ${ JSON.stringify( outcome.request ) }` );
			}
		} );

		const rendered = await parsePage( client, { title: TITLE, text: saved, contentmodel: 'wikitext' } );
		const document = new JSDOM( rendered.text ).window.document;
		const shownRequests = Array.from( document.querySelectorAll( '.mw-parser-output > .helpdesk-request' ) );
		if ( shownRequests.length !== requests.length ) {
			return problems.concat( `${ shownRequests.length } requests shown for ${ requests.length } written` );
		}
		requests.forEach( ( request, index ) => {
			const box = shownRequests[ index ];
			const compare = ( param: string, shownText: unknown, expected: unknown ): void => {
				if ( !isDeepStrictEqual( shownText, expected ) ) {
					problems.push( `request ${ index }: ${ param } shows ${ JSON.stringify( shownText ) }, not ${ JSON.stringify( expected ) }` );
				}
			};
			/** The text of the field's one element; null when the template left the field out. */
			const field = ( param: string ): string | null => {
				const found = box.querySelectorAll( '.helpdesk-request-field-' + param );
				return found.length === 1 ? withoutFrenchSpacing( renderedText( found[ 0 ] ) ) :
					found.length === 0 ? null : `(${ found.length } elements)`;
			};
			const list = ( param: string ): string[] => Array.from(
				box.querySelectorAll( `.helpdesk-request-field-${ param } > ul > li` ),
				( entry ) => withoutFrenchSpacing( renderedText( entry ) ),
			);
			compare( 'title', field( 'title' ), shown( request.title ) );
			compare( 'requester', field( 'requester' ), request.requester + ' (talk)' );
			// The template puts the description on lines of its own.
			compare( 'description', field( 'description' ), '\n' + shownDescription( request.description ) + '\n' );
			for ( const [ param, value ] of [
				[ 'affiliate', request.affiliate ], [ 'content_type', request.contentType ],
				[ 'volume', request.volume ], [ 'timeline', request.timeline ],
			] ) {
				compare( param, field( param ), value === '' ? null : shown( value ) );
			}
			for ( const [ param, entries ] of [
				[ 'partners', request.partners ], [ 'languages', request.languages ], [ 'links', request.links ],
			] as const ) {
				// A link written by hand as `[URL label]` shows its label (escaped), as a link does.
				const linkLabel = ( entry: string ): string => {
					const bracketed = param === 'links' ? /^\s*\[(https?:\/\/\S+)\s+(.*?)\]\s*$/i.exec( entry ) : null;
					// eslint-disable-next-line security/detect-unsafe-regex -- anchored, on one short entry
					return bracketed && /^https?:\/\/[\w.-]+(:\d+)?([/?#][^\s[\]<>"'{}|\\^`]*)?$/i.test( bracketed[ 1 ] ) ? bracketed[ 2 ] : entry;
				};
				compare( param, list( param ), entries.map( ( entry ) => shown( linkLabel( entry ) ) ) );
			}
		} );

		const intended = {
			categories: sortedUnique( [ CATEGORIES.requests, ...requests.map( ( request ) => CATEGORIES.requests + ' – ' + BADGE_LABELS[ request.status ] ) ] ),
			links: sortedUnique( requests.flatMap( ( request ) => [ 'User:' + request.requester, 'User talk:' + request.requester ] ) ),
			sections: requests.map( ( request ) => HEADINGS[ request.language ] ),
		};
		const actual = {
			categories: sortedUnique( rendered.categories.map( ( category ) => category.category.replace( /_/g, ' ' ) ) ),
			links: sortedUnique( rendered.links.map( ( link ) => link.title ) ),
			sections: rendered.sections.map( ( section ) => section.line ),
		};
		for ( const key of [ 'categories', 'links', 'sections' ] as const ) {
			if ( JSON.stringify( actual[ key ] ) !== JSON.stringify( intended[ key ] ) ) {
				problems.push( `${ key }: ${ JSON.stringify( actual[ key ] ) }, not ${ JSON.stringify( intended[ key ] ) }` );
			}
		}
		const strayTemplates = rendered.templates.map( ( template ) => template.title ).filter( ( title ) => !REQUEST_PAGE_TEMPLATES.includes( title ) );
		// External links come only from the Links field, each from one entry as typed (a well-formed http(s) URL).
		const typed = requests.flatMap( ( request ) => request.links ).flatMap( ( entry ) => [ entry, sameUrl( entry ) ] );
		const strayLinks = rendered.externallinks.filter( ( link ) => !typed.includes( link ) && !typed.includes( sameUrl( link ) ) );
		for ( const [ what, found ] of [
			[ 'templates', strayTemplates ], [ 'external links not from the Links field', strayLinks ], [ 'interwiki links', rendered.iwlinks ],
			[ 'language links', rendered.langlinks ], [ 'images', rendered.images ], [ 'parser warnings', rendered.parsewarnings ],
		] as const ) {
			if ( found.length ) {
				problems.push( `${ what }: ${ JSON.stringify( found ) }` );
			}
		}
		return problems;
	}

	/** A URL as the browser would write it, to compare a link MediaWiki normalised with what was typed. */
	function sameUrl( text: string ): string {
		try {
			return decodeURI( new URL( text.replace( /^\[(\S+) .*\]$/, '$1' ) ).href );
		} catch {
			return text;
		}
	}

	it( 'keeps hand-picked hostile text literal', async () => {
		const request = requestFromFields( {
			title: 'A ? b : c ! d « e » | {{x}} [[Category:X]] ~~~~',
			affiliate: '{{subst:PAGENAME}} [[User:X]] __NOTOC__',
			individual: false,
			country: 'SE',
			partners: [ '* one', '# two', ': three', '; four', '= five =', '----', ' six', '<nowiki>', '</nowiki>', '<!--' ],
			support: [ 'copyright' ],
			stage: '',
			contentType: 'ISBN 978-3-16-148410-0 RFC 1234 PMID 12345',
			volume: 'https://example.org/a_b?c=d&e=f mailto:a@example.org',
			projects: [],
			languages: [ 'עברית', 'العربية', '🇸🇪 svenska' ],
			timeline: '\u202eright to left\u202c then 😀',
			description: '== Heading ==\n* not a list\n indented\n\n\n\nafter blank lines ~~~\n{| class="wikitable"\n|}',
			links: [ 'https://example.org/a_b', '[https://example.org X]' ],
		}, { requester: 'Seán O\'Brien', language: 'ar' }, new Date( '2026-11-21T09:30:00Z' ) );
		expect( await problemsOf( [ request ] ) ).toEqual( [] );
	} );

	it( `keeps generated hostile requests literal (${ BATCH * BATCHES_PER_RUN * PARALLEL_RUNS } requests, seed ${ SEED })`, async () => {
		await Promise.all( Array.from( { length: PARALLEL_RUNS }, ( _, run ) => fc.assert(
			fc.asyncProperty( fc.array( filedRequest, { minLength: BATCH, maxLength: BATCH } ), async ( requests ) => {
				expect( await problemsOf( requests ) ).toEqual( [] );
			} ),
			// Shrinking a batch would take minutes of parsing; the problems name the request and field.
			{ numRuns: BATCHES_PER_RUN, seed: SEED + run, endOnFailure: true },
		) ) );
	} );
} );
