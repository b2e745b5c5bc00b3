/**
 * Measuring impact on stand-ins for the Commons and Wikidata APIs: files of a
 * category and its subcategories to two levels (each once, cycles included, cut at
 * the bound), usage from globalusage where offered and labelled same-wiki usage
 * where not, items that exist; a failing API is a problem of the request, asked
 * once a run, and the rest goes on.
 */
import type { ApiParams } from 'mwn';
import { describe, expect, it } from 'vitest';
import { ImpactClient, ImpactMeter, ImpactSources } from '../../../bot/impact';
import { ImpactCandidate, MAX_FILES } from '../../../bot/plan/impact';
import { failingClient, fakeClient, files, Site } from './fake-impact';

const COMMONS: Site = {
	categories: {
		'Category:Servier': files( 'Top', 3 ).concat( [ 'Category:Servier anatomy', 'Category:Servier loop' ] ),
		'Category:Servier anatomy': files( 'Anatomy', 2 ).concat( [ 'Category:Servier hearts', 'File:Top 1.png' ] ),
		'Category:Servier hearts': files( 'Heart', 2 ).concat( [ 'Category:Too deep' ] ),
		'Category:Servier loop': [ 'Category:Servier', 'File:Loop.png' ],
		'Category:Too deep': files( 'Deep', 5 ),
	},
	usage: {
		'File:Top 1.png': [ { wiki: 'sv.wikipedia.org', title: 'Hjärta' }, { wiki: 'fr.wikipedia.org', title: 'Cœur' } ],
		'File:Heart 2.png': [ { wiki: 'sv.wikipedia.org', title: 'Hjärta' }, { wiki: 'sv.wikipedia.org', title: 'Blod' } ],
	},
	pages: [],
	globalUsage: true,
	pageSize: 2,
};

const WIKIDATA: Site = { categories: {}, usage: {}, pages: [ 'Q42', 'Q7' ], redirects: { Q8: 'Q7' }, globalUsage: false };

function candidate( changes: Partial<ImpactCandidate> = {} ): ImpactCandidate {
	return Object.assign( {
		page: 'Content Partnerships Hub/Helpdesk/Requests/Servier', status: 'done', year: '2026', hash: 'a'.repeat( 40 ),
		category: 'Servier', items: [ 'Q42', 'Q8', 'Q999' ], query: '', pages: 0, problems: [],
	}, changes ) as ImpactCandidate;
}

function sources( commons: ImpactClient, wikidata: ImpactClient ): ImpactSources {
	return { commons: commons, wikidata: wikidata, requests: () => 0 };
}

describe( 'measuring impact', () => {
	it( 'counts the files of the category and its subcategories two levels down, each once', async () => {
		const asked: ApiParams[] = [];
		const meter = new ImpactMeter( sources( fakeClient( COMMONS, asked ), fakeClient( WIKIDATA, [] ) ) );
		const figures = await meter.measure( candidate() );
		// Top 1–3, Anatomy 1–2, Loop, Heart 1–2: the third level (Too deep) is not read.
		expect( figures ).toMatchObject( { files: 8, filesCut: false, subcategories: 3 } );
		expect( asked.some( ( params ) => params.cmtitle === 'Category:Too deep' ) ).toBe( false );
		expect( asked.filter( ( params ) => params.cmtitle === 'Category:Servier' ) ).toHaveLength( 3 );
	} );

	it( 'counts pages using the files on every wiki with globalusage, each page once', async () => {
		const asked: ApiParams[] = [];
		const figures = await new ImpactMeter( sources( fakeClient( COMMONS, asked ), fakeClient( WIKIDATA, [] ) ) ).measure( candidate() );
		expect( figures ).toMatchObject( { usage: 'global', usagePages: 3, usageWikis: 2 } );
		expect( asked.find( ( params ) => params.prop === 'globalusage' ) ).toMatchObject( { gufilterlocal: true } );
	} );

	it( 'says same-wiki usage where globalusage is not offered', async () => {
		const local = Object.assign( {}, COMMONS, { globalUsage: false } );
		const figures = await new ImpactMeter( sources( fakeClient( local, [] ), fakeClient( WIKIDATA, [] ) ) ).measure( candidate() );
		expect( figures ).toMatchObject( { usage: 'same-wiki', usagePages: 3, usageWikis: 1 } );
	} );

	it( 'counts the items that exist, a merged item as its target, and names the missing', async () => {
		const figures = await new ImpactMeter( sources( fakeClient( COMMONS, [] ), fakeClient( WIKIDATA, [] ) ) ).measure( candidate() );
		expect( figures ).toMatchObject( { items: 2, itemsMissing: [ 'Q999' ] } );
		expect( figures.problems ).toStrictEqual( [ { code: 'impact-missing-items', params: [ 'Q999' ], text: 'Items that do not exist on Wikidata: Q999' } ] );
	} );

	it( 'stops counting at the bound and says so', async () => {
		const big: Site = Object.assign( {}, COMMONS, { categories: { 'Category:Big': files( 'Big', MAX_FILES + 10 ) }, pageSize: 500 } );
		const figures = await new ImpactMeter( sources( fakeClient( big, [] ), fakeClient( WIKIDATA, [] ) ) ).measure( candidate( { category: 'Big', items: [] } ) );
		expect( figures ).toMatchObject( { files: MAX_FILES, filesCut: true } );
		expect( figures.problems.map( ( found ) => found.code ) ).toStrictEqual( [ 'impact-files-cut' ] );
	} );

	it( 'says when the category does not exist', async () => {
		const figures = await new ImpactMeter( sources( fakeClient( COMMONS, [] ), fakeClient( WIKIDATA, [] ) ) ).measure( candidate( { category: 'Nowhere', items: [] } ) );
		expect( figures ).toMatchObject( { files: 0, subcategories: 0, usagePages: 0, usageWikis: 0 } );
		expect( figures.problems.map( ( found ) => found.code ) ).toStrictEqual( [ 'impact-missing-category' ] );
	} );

	it( 'reports a failing API as a problem of each request, asks it once a run, and measures the rest', async () => {
		const asked: ApiParams[] = [];
		const meter = new ImpactMeter( sources( fakeClient( COMMONS, [] ), failingClient( asked ) ) );
		const entries = await meter.measureAll( [ candidate(), candidate( { page: 'Other', items: [ 'Q7' ] } ) ], {}, '2026-11-30T12:00:00Z' );
		expect( asked ).toHaveLength( 1 );
		for ( const entry of entries ) {
			expect( entry ).toMatchObject( { files: 8, usagePages: 3, items: null, checked: '2026-11-30T12:00:00Z' } );
			expect( entry.problems ).toStrictEqual( [ {
				code: 'impact-wikidata-failed', params: [ 'ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:9' ],
				text: 'The Wikidata API could not be read: ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:9',
			} ] );
		}
		const commonsDown = await new ImpactMeter( sources( failingClient( [] ), fakeClient( WIKIDATA, [] ) ) ).measure( candidate() );
		expect( commonsDown ).toMatchObject( { files: null, usage: null, items: 2 } );
		expect( commonsDown.problems.map( ( found ) => found.code ) ).toStrictEqual( [ 'impact-commons-failed', 'impact-missing-items' ] );
	} );
} );
