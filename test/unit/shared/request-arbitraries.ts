/**
 * Generators of requests for property tests: ordinary text, every kind of Unicode,
 * and text built from the fragments that make wikitext structural.
 */
import fc from 'fast-check';
import { COUNTRIES } from '../../../shared/countries';
import { HelpdeskRequest, PARTNERSHIP_STAGES, SUPPORT_KINDS, TARGET_PROJECTS } from '../../../shared/request';
import { STATUSES, WORKING_GROUPS } from '../../../shared/status';

/** What MediaWiki (or a browser) could take for structure, plus awkward Unicode. */
export const HOSTILE_FRAGMENTS: readonly string[] = [
	'|', '||', '{{', '}}', '{{{1}}}', '{|', '|}', '|-', '|+', '!', '!!', '{{!}}', '{{=}}',
	'[[Category:X]]', '[[Kategori:X]]', '[[User:X]]', '[[User talk:X|X]]', '[[File:X.jpg|thumb]]', '[[:en:X]]',
	'[', ']', '[https://example.org X]', '{{subst:X}}', '{{safesubst:X}}', '{{#invoke:X|y}}', '{{PAGENAME}}',
	'~~~', '~~~~', '~~~~~', '~', '<nowiki>', '</nowiki>', '<nowiki/>', '<!--', '-->', '<ref>x</ref>',
	'<br />', '<div style="color:red">', '<pre>', '<includeonly>', '<noinclude>', '<onlyinclude>',
	'__NOTOC__', '__FORCETOC__', '__', '_', '*', '#', ':', ';', '=', '==', '== X ==', '----', '-', '+',
	' ', '  ', '\t', '\n', '\n\n', '\r\n', '\r', '\u00a0', '\u3000', '\u2003', '\u2028', '\ufeff',
	'https://example.org/a_b?c=d&e=f', 'http://x.y', '//example.org', 'mailto:a@example.org', 'news:x',
	'ISBN 978-3-16-148410-0', 'ISBN\u00a0123456789X', 'ISBN\t123456789X', 'ISBN&nbsp;123456789X', 'RFC 1234',
	'RFC\u3000123', 'PMID 12345', 'isbn 123456789X', '&amp;', '&#124;', '&#x7C;', '&lt;', '&nbsp;', '&', '&#',
	'\'\'', '\'\'\'', '\'', '"', '-{', '}-', '-{zh-hans:X}-', 'שלום', 'مرحبا بالعالم', '\u202e', '\u200f',
	'\u200e', '😀', '👩‍👩‍👧', '🇸🇪', 'é', 'e\u0301', '\u0000', '\u0001', '\u007f', '\u0085', '\ufffd',
	'\ud800', '\udc00', '\u037e', '\u037eterm', 'Helpdesk request', 'title = X', '| title = X', '\n}}\n{{Helpdesk request\n|',
];

/** Text mixing hostile fragments with arbitrary graphemes. */
export const hostileText = fc.array(
	fc.oneof(
		{ arbitrary: fc.constantFrom( ...HOSTILE_FRAGMENTS ), weight: 3 },
		{ arbitrary: fc.string( { unit: 'grapheme', maxLength: 6 } ), weight: 1 },
	),
	{ maxLength: 12 },
).map( ( parts ) => parts.join( '' ) );

const whitespaceOnly = fc.string( {
	unit: fc.constantFrom( ' ', '\t', '\n', '\r', '\u00a0', '\u3000', '\u2028', '\ufeff', '\u000b' ),
	minLength: 1,
	maxLength: 5,
} );

/** Any text a requester could send. */
export const anyText = fc.oneof(
	{ arbitrary: fc.string(), weight: 2 },
	{ arbitrary: fc.string( { unit: 'grapheme' } ), weight: 2 },
	{ arbitrary: fc.string( { unit: 'binary' } ), weight: 2 },
	{ arbitrary: hostileText, weight: 5 },
	{ arbitrary: whitespaceOnly, weight: 1 },
	{ arbitrary: fc.constant( '' ), weight: 1 },
);

/** Text with something visible, as required fields have. */
// eslint-disable-next-line no-control-regex -- control characters are dropped when saved
export const nonBlankText = anyText.filter( ( text ) => text.replace( /[\x00-\x08\x0b-\x1f\x7f]/g, '' ).trim() !== '' );

/** Descriptions, sometimes 10,000 characters long. */
export const descriptionText = fc.oneof(
	{ arbitrary: nonBlankText, weight: 20 },
	{
		arbitrary: fc.tuple( hostileText, nonBlankText ).map( ( [ pattern, end ] ) => {
			const unit = pattern === '' ? 'x' : pattern;
			return ( unit.repeat( Math.ceil( 10000 / unit.length ) ) + end ).slice( 0, 10000 - end.length ) + end;
		} ),
		weight: 1,
	},
);

export const timestamp = fc.date( {
	min: new Date( '2000-01-01T00:00:00Z' ),
	max: new Date( '2099-12-31T23:59:59Z' ),
	noInvalidDate: true,
} ).map( ( date ) => date.toISOString().replace( /\.\d{3}Z$/, 'Z' ) );

const list = ( entry: fc.Arbitrary<string> ): fc.Arbitrary<string[]> => fc.array( entry, { maxLength: 6 } );

/** A Wikidata item id. */
export const itemId = fc.integer( { min: 1, max: 200000000 } ).map( ( n ) => 'Q' + n );

/** An identifier as typed: one token, nothing that separates identifiers. */
const idToken = fc.oneof( itemId, anyText.filter( ( text ) => text !== '' && !/[\s,;]/.test( text ) && !/[\s,;]/.test( text.normalize( 'NFC' ) ) ) );

/** Outcome fields: each left out, or filled (an empty outcome is not written). */
const OUTCOME_KEYS = [ 'outcomeCategory', 'outcomeItems', 'outcomeQuery', 'outcomePages' ];
function requiredKeys<T extends object>( record: T ): ( keyof T )[] {
	return ( Object.keys( record ) as ( keyof T )[] ).filter( ( key ) => !OUTCOME_KEYS.includes( key as string ) );
}

const anyFields = {
	title: nonBlankText,
	requester: nonBlankText,
	filed: fc.oneof( timestamp, anyText ),
	language: fc.oneof( fc.constantFrom( 'en', 'sv', 'pt-br', 'be-tarask' ), anyText ),
	affiliate: anyText,
	individual: fc.boolean(),
	country: fc.oneof( fc.constantFrom( ...COUNTRIES.map( ( country ) => country.code ) ), anyText ),
	partners: list( anyText ),
	support: fc.shuffledSubarray( [ ...SUPPORT_KINDS ] ),
	stage: fc.constantFrom( '' as const, ...PARTNERSHIP_STAGES ),
	contentType: anyText,
	volume: anyText,
	projects: fc.shuffledSubarray( [ ...TARGET_PROJECTS ] ),
	languages: list( anyText ),
	timeline: anyText,
	description: descriptionText,
	links: list( fc.oneof( fc.webUrl(), anyText ) ),
	status: fc.constantFrom( ...STATUSES ),
	statusSince: fc.oneof( timestamp, fc.constant( '' ), anyText ),
	workingGroup: fc.constantFrom( '' as const, ...WORKING_GROUPS ),
	outcomeCategory: anyText.filter( ( text ) => text !== '' ),
	outcomeItems: fc.array( idToken, { minLength: 1, maxLength: 6 } ),
	outcomeQuery: fc.oneof( fc.webUrl(), anyText.filter( ( text ) => text !== '' ) ),
	outcomePages: fc.array( fc.oneof( fc.webUrl(), anyText ), { minLength: 1, maxLength: 6 } ),
};

/** Any request the model can hold (choices are from their lists, text is anything). */
export const anyRequest: fc.Arbitrary<HelpdeskRequest> = fc.record( anyFields,
	{ requiredKeys: requiredKeys( anyFields ), noNullPrototype: true } ) as fc.Arbitrary<HelpdeskRequest>;

/** One visible line of at most `max` characters. */
const line = ( max: number ): fc.Arbitrary<string> => fc.string( { unit: 'grapheme', minLength: 1, maxLength: max } )
	.map( ( text ) => text.replace( /[\r\n]/g, ' ' ) )
	.filter( ( text ) => text.trim() !== '' && Array.from( text ).length <= max );

const validFields = {
	title: line( 120 ),
	requester: line( 40 ),
	filed: timestamp,
	language: fc.constantFrom( 'en', 'sv', 'fr', 'pt-br', 'be-tarask', 'zh-hans' ),
	affiliate: line( 80 ),
	individual: fc.boolean(),
	country: fc.constantFrom( ...COUNTRIES.map( ( country ) => country.code ) ),
	partners: fc.array( line( 60 ), { maxLength: 4 } ),
	support: fc.shuffledSubarray( [ ...SUPPORT_KINDS ], { minLength: 1 } ),
	stage: fc.constantFrom( '' as const, ...PARTNERSHIP_STAGES ),
	contentType: fc.oneof( fc.constant( '' ), line( 60 ) ),
	volume: fc.oneof( fc.constant( '' ), line( 60 ) ),
	projects: fc.shuffledSubarray( [ ...TARGET_PROJECTS ] ),
	languages: fc.array( line( 30 ), { maxLength: 3 } ),
	timeline: fc.oneof( fc.constant( '' ), line( 60 ) ),
	description: descriptionText,
	links: fc.array( fc.webUrl().filter( ( url ) => url.length <= 255 ), { maxLength: 3 } ),
	status: fc.constantFrom( ...STATUSES ),
	statusSince: fc.oneof( timestamp, fc.constant( '' ) ),
	workingGroup: fc.constantFrom( '' as const, ...WORKING_GROUPS ),
	outcomeCategory: line( 80 ).filter( ( name ) => /^[^#<>[\]{}|_:]+$/.test( name ) && name.trim() === name ),
	outcomeItems: fc.array( itemId, { minLength: 1, maxLength: 4 } ),
	outcomeQuery: fc.webUrl().filter( ( url ) => url.length <= 255 ),
	outcomePages: fc.array( fc.webUrl().filter( ( url ) => url.length <= 255 ), { minLength: 1, maxLength: 3 } ),
};

/** Requests that validateRequest() accepts. */
export const validRequest: fc.Arbitrary<HelpdeskRequest> = fc.record( validFields,
	{ requiredKeys: requiredKeys( validFields ), noNullPrototype: true } ) as fc.Arbitrary<HelpdeskRequest>;
