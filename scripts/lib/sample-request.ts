/**
 * One complete, ordinary request, as a requester would type it into the form:
 * the tests and the browser benchmark start from it and change what they are about.
 */
import { emptyRequest, HelpdeskRequest, RequestFormFields } from '../../shared/request';

/** The sample request's form fields: every field answered, nothing unusual. */
export const SAMPLE_FIELDS: Readonly<RequestFormFields> = Object.freeze( {
	title: 'Upload of 3,000 medical illustrations',
	affiliate: 'Wikimedia Sverige',
	individual: false,
	country: 'SE',
	partners: [ 'Servier Medical Art', 'Karolinska Institutet' ],
	support: [ 'mass-upload', 'copyright' ],
	stage: 'agreement',
	contentType: 'Medical illustrations and their metadata',
	volume: 'About 3,000 images',
	projects: [ 'commons', 'wikidata' ],
	languages: [ 'English', 'Swedish' ],
	timeline: 'Before the exhibition opens in March',
	description: 'We have an agreement with the publisher.\nWe need help with the mass upload and the licence templates.\n\nThank you!',
	links: [ 'https://smart.servier.com/', 'https://example.org/project' ],
} as RequestFormFields );

/** A fresh copy of the sample's form fields, with `changes`. */
export function sampleFields( changes: Partial<RequestFormFields> = {} ): RequestFormFields {
	return {
		...SAMPLE_FIELDS,
		partners: [ ...SAMPLE_FIELDS.partners ],
		support: [ ...SAMPLE_FIELDS.support ],
		projects: [ ...SAMPLE_FIELDS.projects ],
		languages: [ ...SAMPLE_FIELDS.languages ],
		links: [ ...SAMPLE_FIELDS.links ],
		...changes,
	};
}

/**
 * The sample as a whole request: filed in English by Requester One on
 * 2 March 2026, submitted since it was filed, with `changes`.
 */
export function sampleRequest( changes: Partial<HelpdeskRequest> = {} ): HelpdeskRequest {
	const request: HelpdeskRequest = {
		...emptyRequest( 'Requester One', '2026-03-02T09:30:00Z', 'en' ),
		...sampleFields(),
		...changes,
	};
	if ( changes.statusSince === undefined ) {
		request.statusSince = request.filed;
	}
	return request;
}
