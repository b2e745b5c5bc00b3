/**
 * Requests for the FAQ candidates' tests (the data page's and the view's): a year
 * of the Helpdesk in English, Swedish, Arabic and French, one withdrawn, one page
 * that is no request, and one with hostile text in its title and content type.
 */
import { DEFAULT_PLAN_CONFIG } from '../../../bot/config';
import { FaqRequest, faqRequests } from '../../../bot/plan/faq';
import { deriveRecord } from '../../../bot/plan/request-page';
import type { PageSnapshot } from '../../../bot/plan/types';
import { renderRequestPage } from '../../../shared/codec';
import type { HelpdeskRequest } from '../../../shared/request';
import { sampleRequest } from '../../../scripts/lib/sample-request';

export const PREFIX = DEFAULT_PLAN_CONFIG.pages.requestsPrefix;
export const FAQ_PREFIX = 'Content Partnerships Hub/FAQ/';
export const HOSTILE_TITLE = 'Scans ]]{{x}}<script>alert(1)</script> ~~~~ [[Category:Spam]]';
export const HOSTILE_TYPE = '<script>x</script> ]] {{subst:x}} ~~~~';

let pageid = 100;

/** A request page as the gadget writes it, as the API returns it. */
export function snapshot( name: string, fields: Partial<HelpdeskRequest>, text?: string ): PageSnapshot {
	pageid++;
	return {
		title: PREFIX + name, pageid: pageid, revid: pageid * 10, timestamp: '2026-11-20T10:00:00Z', user: 'Requester One',
		text: text === undefined ? renderRequestPage( sampleRequest( fields ) ) : text,
	};
}

/** The requests as the bot reads them. */
export function readRequests( pages: PageSnapshot[] ): FaqRequest[] {
	const records = pages.map( ( page ) => deriveRecord( page, [], undefined, DEFAULT_PLAN_CONFIG, 'Helpdesk bot', '2026-11-30T12:00:00Z' ).record );
	return faqRequests( pages, records );
}

export function yearOfRequests(): PageSnapshot[] {
	return [
		snapshot( 'Upload of 3,000 medical illustrations', {} ),
		snapshot( 'Museum photographs for Commons', {
			title: 'Museum photographs for Commons', filed: '2026-04-10T08:00:00Z', support: [ 'mass-upload', 'copyright' ],
			contentType: 'Photographs, metadata', projects: [ 'commons' ],
			description: 'The city museum has 12,000 photographs from 1900 to 1950. Which licence do the photographs need? https://museum.example.org/photos',
		} ),
		snapshot( 'Copyright of old postcards', {
			title: 'Copyright of old postcards', filed: '2026-05-01T08:00:00Z', support: [ 'copyright' ], contentType: 'Postcards and photographs',
			projects: [ 'commons', 'wikipedia' ], description: 'We are not sure about the copyright of postcards printed before 1930 in our museum.',
		} ),
		snapshot( 'Uppladdning av bilder från länsmuseet', {
			title: 'Uppladdning av bilder från länsmuseet', language: 'sv', filed: '2026-06-01T08:00:00Z', support: [ 'mass-upload' ],
			contentType: 'Bilder och kartor', projects: [ 'commons' ],
			description: 'Länsmuseet vill ladda upp 5 000 bilder och kartor till Commons. Vi behöver hjälp med metadata.',
		} ),
		snapshot( 'Kartor från arkivet', {
			title: 'Kartor från arkivet', language: 'sv', filed: '2026-07-01T08:00:00Z', support: [ 'mass-upload', 'data-upload' ],
			contentType: 'kartor', projects: [ 'commons', 'wikidata' ],
			description: 'Arkivet har gamla kartor med metadata som vi vill lägga på Wikidata.',
		} ),
		snapshot( 'رفع صور المتحف الوطني', {
			title: 'رفع صور المتحف الوطني', language: 'ar', country: 'EG', filed: '2026-08-01T08:00:00Z', support: [ 'mass-upload' ],
			contentType: 'صور ومخطوطات', projects: [ 'commons' ],
			description: 'نريد رفع صور المتحف الوطني إلى ويكيميديا كومنز مع البيانات الوصفية.',
		} ),
		snapshot( 'مخطوطات المتحف', {
			title: 'مخطوطات المتحف', language: 'ar', country: 'EG', filed: '2026-09-01T08:00:00Z', support: [ 'copyright', 'training-material' ],
			contentType: 'مخطوطات', projects: [ 'wikisource' ],
			description: 'لدينا مخطوطات قديمة في المتحف ونريد رفع صور المخطوطات. نحتاج إلى مساعدة في حقوق النشر.',
		} ),
		snapshot( 'Numérisation des cartes', {
			title: 'Numérisation des cartes', language: 'fr', filed: '2026-10-01T08:00:00Z', support: [ 'technical' ], contentType: 'Cartes',
			projects: [ 'commons' ], description: 'Nous avons des cartes anciennes numérisées.',
		} ),
		snapshot( 'Hostile', {
			title: HOSTILE_TITLE, filed: '2026-10-15T08:00:00Z', support: [ 'other' ], contentType: HOSTILE_TYPE, projects: [ 'other' ],
			description: 'Scans of letters {{x}} ]] <script>alert(1)</script> ~~~~',
		} ),
		snapshot( 'Withdrawn photographs', {
			title: 'Withdrawn photographs', status: 'withdrawn', filed: '2026-11-01T08:00:00Z', support: [ 'mass-upload' ],
			contentType: 'Photographs',
		} ),
		snapshot( 'Not a request', {}, 'Just some text, no template.' ),
	];
}

export const FAQ_PAGES = [
	FAQ_PREFIX + 'Mass uploads', FAQ_PREFIX + 'Mass uploads/sv', FAQ_PREFIX + 'Copyright of photographs', FAQ_PREFIX + 'Copyright',
	FAQ_PREFIX + 'Uploading maps', FAQ_PREFIX + 'Kartor', FAQ_PREFIX + 'صور',
];
