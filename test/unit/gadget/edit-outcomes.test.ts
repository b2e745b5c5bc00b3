// @vitest-environment jsdom
/**
 * "Edit my request" does not ask for the outcomes: saving the form keeps them as
 * the page has them.
 */
import { describe, expect, it } from 'vitest';
import { editableRequest, editedTemplate } from '../../../gadget/own/edit';
import { parseRequestPage, renderRequestPage } from '../../../shared/codec';
import { sampleRequest } from '../../../scripts/lib/sample-request';

describe( 'Edit my request with outcomes on the page', () => {
	it( 'keeps the outcomes, even values that are not valid, when another field is edited', () => {
		const request = sampleRequest( {
			status: 'done',
			outcomeCategory: 'Media from Servier Medical Art',
			outcomeItems: [ 'Q42', 'not an id' ],
			outcomePages: [ 'w:sv:Servier' ],
		} );
		const editable = editableRequest( renderRequestPage( request ) );
		expect( editable ).not.toBeNull();
		const fields = Object.assign( {}, editable?.fields, { timeline: 'Done in May' } );
		const saved = parseRequestPage( editedTemplate( editable as NonNullable<typeof editable>, fields ) );
		expect( saved.ok && saved.request ).toMatchObject( {
			timeline: 'Done in May',
			outcomeCategory: 'Media from Servier Medical Art',
			outcomeItems: [ 'Q42', 'not', 'an', 'id' ],
			outcomePages: [ 'w:sv:Servier' ],
		} );
		expect( saved.ok && saved.request.outcomeQuery ).toBeUndefined();
	} );
} );
