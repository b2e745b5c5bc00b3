import { describe, expect, it } from 'vitest';
import { deployedCommit, deploySummary, mergeGadgetDefinitions, planDeploy } from '../../../scripts/lib/deploy-plan';

describe( 'planDeploy', () => {
	it( 'creates missing pages, updates changed ones and leaves equal ones alone', () => {
		const current = new Map( [
			[ 'Template:Same', { text: 'same text\n' } ],
			[ 'Template:Changed', { text: 'old line\nkept line' } ],
			[ 'Template:Missing', { text: null } ],
		] );
		const actions = planDeploy( [
			{ title: 'Template:Same', text: 'same text' },
			{ title: 'Template:Changed', text: 'new line\nkept line' },
			{ title: 'Template:Missing', text: 'fresh' },
			{ title: 'Template:Unknown', text: 'fresh too' },
		], current );
		expect( actions.map( ( a ) => a.change ) ).toEqual( [ 'unchanged', 'update', 'create', 'create' ] );
		expect( actions[ 0 ].diff ).toBe( '' );
		expect( actions[ 1 ].diff ).toContain( '-old line' );
		expect( actions[ 1 ].diff ).toContain( '+new line' );
		expect( actions[ 1 ].diff ).not.toContain( '-kept line' );
	} );
} );

describe( 'deploy summaries', () => {
	it( 'finds the commit of the last deploy in the pages\' latest summaries', () => {
		expect( deployedCommit( [ undefined, 'manual fix', 'Deploy Helpdesk from commit abc1234 (first deploy)' ] ) ).toBe( 'abc1234' );
		expect( deployedCommit( [ 'manual fix' ] ) ).toBeNull();
	} );

	it( 'names the commit and the commits since the last deploy', () => {
		expect( deploySummary( 'f00ba12', null, [] ) ).toBe( 'Deploy Helpdesk from commit f00ba12 (first deploy)' );
		expect( deploySummary( 'f00ba12', 'abc1234', [ 'Fix the badge', 'Add Swedish' ] ) )
			.toBe( 'Deploy Helpdesk from commit f00ba12 (2 commits since abc1234: Fix the badge; Add Swedish)' );
		expect( deploySummary( 'f00ba12', 'abc1234', null ) ).toContain( 'not in this history' );
	} );

	it( 'stays within MediaWiki\'s summary limit', () => {
		const subjects = Array.from( { length: 100 }, ( _, i ) => 'Commit subject number ' + i );
		expect( deploySummary( 'f00ba12', 'abc1234', subjects ).length ).toBeLessThanOrEqual( 500 );
	} );
} );

describe( 'mergeGadgetDefinitions', () => {
	const ours = '* HelpdeskLoader[ResourceLoader|default]|HelpdeskLoader.js\n* HelpdeskForm[ResourceLoader|hidden]|HelpdeskForm.js';

	it( 'adds a helpdesk section to a definition without one, keeping other gadgets', () => {
		const merged = mergeGadgetDefinitions( '== tools ==\n* Other[ResourceLoader]|Other.js', ours );
		expect( merged ).toBe( '== tools ==\n* Other[ResourceLoader]|Other.js\n\n== helpdesk ==\n' + ours );
	} );

	it( 'replaces the old lines of our gadgets in place and is stable', () => {
		const old = '== helpdesk ==\n* HelpdeskLoader[ResourceLoader]|Old.js\n== tools ==\n* Other[ResourceLoader]|Other.js';
		const merged = mergeGadgetDefinitions( old, ours );
		expect( merged ).toBe( '== helpdesk ==\n' + ours + '\n== tools ==\n* Other[ResourceLoader]|Other.js' );
		expect( mergeGadgetDefinitions( merged, ours ) ).toBe( merged );
	} );
} );

describe( 'pages that belong to the wiki once created', () => {
	it( 'creates a create-only page when missing and never overwrites it afterwards', () => {
		const ours = { title: 'Committee', text: 'example members', createOnly: true };
		expect( planDeploy( [ ours ], new Map() )[ 0 ].change ).toBe( 'create' );
		const edited = new Map( [ [ 'Committee', { text: 'the real members' } ] ] );
		const action = planDeploy( [ ours ], edited )[ 0 ];
		expect( action.change ).toBe( 'unchanged' );
		expect( action.diff ).toBe( '' );
	} );
} );
