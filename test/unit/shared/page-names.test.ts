import { describe, expect, it } from 'vitest';
import {
	AGENDA_PAGE, COMMITTEE_PAGE, EXPORT_PAGE, HELPDESK_PAGE, REQUEST_TABLE_PAGE, REQUESTS_PREFIX, SETTINGS_PAGE, SHUTOFF_PAGE, STATISTICS_PAGE,
} from '../../../shared/pages';

describe( 'the names of the Helpdesk\'s pages', () => {
	it( 'are all under the Helpdesk page, written out so that the gadget bundles only those it uses', () => {
		expect( {
			REQUESTS_PREFIX, REQUEST_TABLE_PAGE, STATISTICS_PAGE, AGENDA_PAGE, EXPORT_PAGE, COMMITTEE_PAGE, SETTINGS_PAGE, SHUTOFF_PAGE,
		} ).toEqual( {
			REQUESTS_PREFIX: HELPDESK_PAGE + '/Requests/',
			REQUEST_TABLE_PAGE: HELPDESK_PAGE + '/Requests',
			STATISTICS_PAGE: HELPDESK_PAGE + '/Statistics',
			AGENDA_PAGE: HELPDESK_PAGE + '/Agenda',
			EXPORT_PAGE: HELPDESK_PAGE + '/Requests.json',
			COMMITTEE_PAGE: HELPDESK_PAGE + '/Expert Committee',
			SETTINGS_PAGE: HELPDESK_PAGE + '/Settings.json',
			SHUTOFF_PAGE: HELPDESK_PAGE + '/Bot/Shutoff',
		} );
	} );
} );
