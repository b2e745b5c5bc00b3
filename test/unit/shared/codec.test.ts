/**
 * Request pages as people leave them after editing by hand: each fixture in
 * test/fixtures/pages gives the request it stands for, or the precise problem.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ParseOutcome, parseRequestPage, renderRequestPage } from '../../../shared/codec';
import { emptyRequest, HelpdeskRequest, PARTNERSHIP_STAGES, SUPPORT_KINDS, TARGET_PROJECTS } from '../../../shared/request';
import { isStatus, WORKING_GROUPS } from '../../../shared/status';
import { anyRequest, HOSTILE_FRAGMENTS } from './request-arbitraries';

/** Time allowed for property tests on a busy machine; not a measure of speed. */
const SLOW = 60000;

function fixture( name: string ): string {
	return readFileSync( new URL( '../../fixtures/pages/' + name + '.wikitext', import.meta.url ), 'utf8' );
}

function parsedRequest( outcome: ParseOutcome ): HelpdeskRequest {
	if ( !outcome.ok ) {
		throw new Error( 'Expected a request, got ' + JSON.stringify( outcome.problem ) );
	}
	return outcome.request;
}

function request( fields: Partial<HelpdeskRequest> ): HelpdeskRequest {
	const base = emptyRequest( '', '', '' );
	base.statusSince = '';
	return Object.assign( base, fields );
}

const MEDICAL_IMAGES = request( {
	title: 'Mass upload of 3,000 medical illustrations',
	requester: 'Requester One',
	filed: '2026-06-02T09:15:00Z',
	language: 'en',
	affiliate: 'Wikimedia France',
	country: 'FR',
	partners: [ 'Servier Medical Art' ],
	support: [ 'mass-upload', 'copyright' ],
	stage: 'content-ready',
	contentType: 'Medical illustrations (SVG and PNG) with descriptions',
	volume: 'About 3,000 images',
	projects: [ 'commons', 'wikipedia' ],
	languages: [ 'French', 'English' ],
	timeline: 'Upload before the end of the year',
	description: 'The partner has released its medical image bank under CC BY 4.0.\n\n' +
		'We need help to batch-upload the images with good metadata & categories.',
	links: [ 'https://smart.servier.com/' ],
	status: 'support-under-way',
	statusSince: '2026-08-20T12:00:00Z',
} );

describe( 'pages as the form writes them', () => {
	it( 'reads the rendered fixture, and renders the same fixture back', () => {
		const outcome = parseRequestPage( fixture( 'rendered' ) );
		expect( parsedRequest( outcome ) ).toStrictEqual( MEDICAL_IMAGES );
		expect( renderRequestPage( MEDICAL_IMAGES ) ).toBe( fixture( 'rendered' ) );
		expect( outcome.ok && outcome.discussion ).toBe( '\n\n== Discussion ==\n' );
	} );

	it( 'reads the same request from CRLF line ends', () => {
		const crlf = fixture( 'rendered' ).replace( /\n/g, '\r\n' );
		expect( parsedRequest( parseRequestPage( crlf ) ) ).toStrictEqual( MEDICAL_IMAGES );
	} );
} );

describe( 'pages edited by hand', () => {
	it( 'accepts reordered parameters, spacing, name variants, a prefixed lower-case template name and readable codes', () => {
		const outcome = parseRequestPage( fixture( 'hand-edited' ) );
		expect( parsedRequest( outcome ) ).toStrictEqual( MEDICAL_IMAGES );
		expect( outcome.ok && outcome.discussion ).toBe( '\n== Discussion ==\n:Looks good. ~~~~\n' );
		expect( outcome.ok && outcome.templateText.indexOf( '{{ template:helpdesk_request' ) ).toBe( 0 );
	} );

	it( 'reads hand-edited CRLF pages as MediaWiki saves them', () => {
		const crlf = fixture( 'hand-edited' ).replace( /\n/g, '\r\n' );
		expect( parsedRequest( parseRequestPage( crlf ) ) ).toStrictEqual( MEDICAL_IMAGES );
	} );

	it( 'drops comments inside values, also multi-line ones in lists, and trims what they leave', () => {
		expect( parsedRequest( parseRequestPage( fixture( 'comments' ) ) ) ).toStrictEqual( request( {
			title: 'Wikidata for Wiki Loves Monuments',
			requester: 'Requester One',
			filed: '2026-10-05T07:30:00Z',
			language: 'en',
			affiliate: 'Wikimedians of Uganda User Group',
			country: 'UG',
			partners: [ 'Uganda Museum', 'Department of Museums and Monuments' ],
			support: [ 'data-upload', 'technical' ],
			stage: 'idea',
			description: 'We want to use Wikidata to run Wiki Loves Monuments.',
		} ) );
	} );

	it( 'lists unknown and unnamed parameters, and reads yes-words and status variants', () => {
		const outcome = parseRequestPage( fixture( 'unknown-parameters' ) );
		expect( parsedRequest( outcome ) ).toStrictEqual( request( {
			title: 'Hitta rätt personer för ett arkivsamarbete',
			requester: 'Requester Two',
			filed: '2026-11-10T13:05:00Z',
			language: 'sv',
			individual: true,
			country: 'SE',
			support: [ 'finding-people' ],
			description: 'Vi söker kontakt med arkiv.',
			status: 'on-hold',
		} ) );
		expect( outcome.ok && outcome.unknownParameters ).toStrictEqual( [ 'priority', 'Reviewed by', '1' ] );
	} );

	it( 'keeps links and templates typed into values as they were typed', () => {
		expect( parsedRequest( parseRequestPage( fixture( 'nested-markup' ) ) ) ).toStrictEqual( request( {
			title: 'Presentation templates for a [[GLAM]] workshop',
			requester: '[[User:Requester Two|Requester Two]]',
			filed: '2026-09-14T16:40:00Z',
			language: 'en',
			affiliate: '[[Wikimedia Hrvatska]]',
			country: 'HR',
			partners: [
				'[[w:hr:Muzej grada Zagreba|City Museum of Zagreb]]',
				'{{ill|Croatian State Archives|hr|Hrvatski državni arhiv}}',
			],
			support: [ 'training-material', 'content-examples' ],
			description: 'See {{tl|Artwork}} and [[Commons:Batch uploading|batch uploading]], or {{#if:{{{x|}}}|this|that}}.',
			links: [ '[https://www.mgz.hr/ museum site]' ],
			status: 'awaiting-final-go',
		} ) );
	} );

	it( 'unwraps <nowiki> typed by hand and decodes references', () => {
		expect( parsedRequest( parseRequestPage( fixture( 'nowiki' ) ) ) ).toStrictEqual( request( {
			title: '{{Template}} | pipes and [[brackets]]',
			requester: 'Requester Three',
			filed: '2026-07-01T10:00:00Z',
			language: 'fr',
			affiliate: 'Wikimédia France',
			// Kept as typed: normaliseFields() upper-cases, the codec does not guess.
			country: 'fr',
			support: [ 'other' ],
			// `<nowiki/>` keeps the space after it, as on the wiki.
			timeline: ' spring',
			description: '~~~~ is a signature; <b> is a tag; | is a pipe\u00a0sign.',
			status: 'approved',
		} ) );
	} );

	it( 'uses the non-empty one of two parameters when the other holds only a comment', () => {
		const outcome = parseRequestPage( fixture( 'commented-duplicate' ) );
		expect( parsedRequest( outcome ) ).toStrictEqual( request( {
			title: 'Copyright question',
			requester: 'Requester One',
			description: 'Only one',
		} ) );
		expect( outcome.ok && outcome.unknownParameters ).toStrictEqual( [ 'constructor' ] );
	} );

	it( 'reads a list typed as plain lines, and warns about codes it does not know', () => {
		const outcome = parseRequestPage( fixture( 'plain-lines' ) );
		expect( outcome.ok && outcome.request.languages ).toStrictEqual( [ 'Swedish', 'Finnish' ] );
		expect( outcome.ok && outcome.request.support ).toStrictEqual( [ 'copyright' ] );
		expect( outcome.ok && outcome.request.stage ).toBe( '' );
		expect( outcome.ok && outcome.request.workingGroup ).toBe( 'evaluation' );
		expect( outcome.ok && outcome.warnings ).toStrictEqual( [
			'stage: "halfway" is not one of idea, first-contact, agreement, content-ready, upload-under-way',
			'support: "lawyers" is not one of ' + SUPPORT_KINDS.join( ', ' ),
		] );
	} );

	it.each( [
		[ 'On Hold', 'on-hold' ],
		[ 'ON_HOLD', 'on-hold' ],
		[ 'on-hold', 'on-hold' ],
		[ 'Accepted', 'approved' ],
		[ 'godkänd', 'approved' ],
		[ '', 'submitted' ],
		[ ' <!-- set by the committee --> ', 'submitted' ],
		[ 'In progress', 'support-under-way' ],
	] )( 'reads the status "%s" as %s', ( typed, status ) => {
		const outcome = parseRequestPage( '{{Helpdesk request|title=T|requester=R|status=' + typed + '}}' );
		expect( outcome.ok && outcome.request.status ).toBe( status );
	} );
} );

describe( 'pages that are not requests', () => {
	it.each( [
		[ 'no-template', { code: 'no-template', message: 'The page has no {{Helpdesk request}} template.' } ],
		[ 'two-templates', { code: 'several-templates', message: 'The page has 2 {{Helpdesk request}} templates; a request page has one.' } ],
		[ 'missing-title', { code: 'missing-field', parameter: 'title', message: 'The parameter "title" is missing or empty.' } ],
		[ 'unknown-status', { code: 'unknown-status', parameter: 'status', message: 'The status "Somewhere in between" is not a Helpdesk status.' } ],
		[ 'duplicate-parameter', { code: 'duplicate-parameter', parameter: 'description', message: 'The parameter "description" is given twice.' } ],
	] )( '%s gives the precise problem', ( name, problem ) => {
		expect( parseRequestPage( fixture( name ) ) ).toStrictEqual( { ok: false, problem: problem } );
	} );

	it( 'needs a requester', () => {
		expect( parseRequestPage( '{{Helpdesk request|title=T}}' ) ).toStrictEqual( {
			ok: false,
			problem: { code: 'missing-field', parameter: 'requester', message: 'The parameter "requester" is missing or empty.' },
		} );
	} );
} );

/** A request read from any page holds only values its types allow. */
function isWellTyped( outcome: ParseOutcome ): boolean {
	if ( !outcome.ok ) {
		return typeof outcome.problem.message === 'string' && outcome.problem.message !== '';
	}
	const found = outcome.request;
	return isStatus( found.status ) &&
		found.support.every( ( kind ) => SUPPORT_KINDS.includes( kind ) ) &&
		found.projects.every( ( project ) => TARGET_PROJECTS.includes( project ) ) &&
		( found.stage === '' || PARTNERSHIP_STAGES.includes( found.stage ) ) &&
		( found.workingGroup === '' || WORKING_GROUPS.includes( found.workingGroup ) ) &&
		typeof found.individual === 'boolean' &&
		found.title.trim() !== '' && found.requester.trim() !== '';
}

describe( 'reading anything', () => {
	const fragmentsAndText = fc.array(
		fc.oneof( fc.constantFrom( ...HOSTILE_FRAGMENTS, '{{Helpdesk request', '|title=', '|requester=', '}}', '<!--', '-->', '{{{', '}}}' ), fc.string() ),
		{ maxLength: 30 },
	).map( ( parts ) => parts.join( '' ) );

	it( 'never throws, and gives a well-typed request or a problem', () => {
		fc.assert( fc.property( fc.oneof( fc.string(), fc.string( { unit: 'binary' } ), fragmentsAndText ), ( text ) => {
			expect( isWellTyped( parseRequestPage( text ) ) ).toBe( true );
		} ), { numRuns: 1000 } );
	}, SLOW );

	it( 'never throws on rendered pages with hostile text spliced in anywhere', () => {
		fc.assert( fc.property( anyRequest, fc.array( fc.tuple( fc.nat(), fc.constantFrom( ...HOSTILE_FRAGMENTS ) ), { maxLength: 5 } ), ( original, splices ) => {
			let page = renderRequestPage( original );
			for ( const [ at, fragment ] of splices ) {
				const index = at % ( page.length + 1 );
				page = page.slice( 0, index ) + fragment + page.slice( index );
			}
			expect( isWellTyped( parseRequestPage( page ) ) ).toBe( true );
		} ), { numRuns: 1000 } );
	}, SLOW );
} );
