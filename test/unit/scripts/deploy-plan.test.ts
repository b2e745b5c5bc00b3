import { describe, expect, it } from 'vitest';
import {
	changedOnWiki, CurrentPage, deployedCommit, deploySummary, isDeployEdit, mergeGadgetDefinitions, planDeploy,
} from '../../../scripts/lib/deploy-plan';

const DEPLOYER = 'Admin';
const DEPLOYED = 'Deploy Helpdesk from commit abc1234 (first deploy)';

/** A page whose latest revision is the deploy's own. */
function deployed( text: string ): CurrentPage {
	return { text: text, lastUser: DEPLOYER, lastSummary: DEPLOYED, lastRevision: 10 };
}

describe( 'planDeploy', () => {
	it( 'creates missing pages, updates changed ones and leaves equal ones alone', () => {
		const current = new Map( [
			[ 'Template:Same', deployed( 'same text\n' ) ],
			[ 'Template:Changed', deployed( 'old line\nkept line' ) ],
			[ 'Template:Missing', { text: null } ],
		] );
		const actions = planDeploy( [
			{ title: 'Template:Same', text: 'same text' },
			{ title: 'Template:Changed', text: 'new line\nkept line' },
			{ title: 'Template:Missing', text: 'fresh' },
			{ title: 'Template:Unknown', text: 'fresh too' },
		], current, { deployUser: DEPLOYER } );
		expect( actions.map( ( a ) => a.change ) ).toEqual( [ 'unchanged', 'update', 'create', 'create' ] );
		expect( actions[ 0 ].diff ).toBe( '' );
		expect( actions[ 1 ].diff ).toContain( '-old line' );
		expect( actions[ 1 ].diff ).toContain( '+new line' );
		expect( actions[ 1 ].diff ).not.toContain( '-kept line' );
		expect( actions.map( ( a ) => a.changedOnWiki ) ).toEqual( [ undefined, undefined, undefined, undefined ] );
	} );
} );

describe( 'pages changed on the wiki since the last deploy', () => {
	const ours = { title: 'Landing', text: 'intro\nnew line from the code' };
	const lastDeploy = { revision: 10, text: 'intro\nold line' };
	const byPerson: CurrentPage = {
		text: 'intro\nold line\nA line added by a person', lastUser: 'Someone', lastSummary: 'clarify', lastRevision: 12, lastDeploy: lastDeploy,
	};

	it( 'knows the deploy\'s own edits by their account and summary', () => {
		expect( isDeployEdit( DEPLOYER, DEPLOYED, DEPLOYER ) ).toBe( true );
		expect( isDeployEdit( 'Someone', DEPLOYED, DEPLOYER ) ).toBe( false );
		expect( isDeployEdit( DEPLOYER, 'Edited by hand', DEPLOYER ) ).toBe( false );
		expect( isDeployEdit( DEPLOYER, 'Revert to Deploy Helpdesk from commit abc1234', DEPLOYER ) ).toBe( false );
		expect( isDeployEdit( undefined, DEPLOYED, DEPLOYER ) ).toBe( false );
		expect( changedOnWiki( deployed( 'x' ), DEPLOYER ) ).toBe( false );
		expect( changedOnWiki( byPerson, DEPLOYER ) ).toBe( true );
		expect( changedOnWiki( { text: null }, DEPLOYER ) ).toBe( false );
	} );

	it( 'skips a page changed by someone else, with the diff to ours and the change made on the wiki', () => {
		const [ action ] = planDeploy( [ ours ], new Map( [ [ 'Landing', byPerson ] ] ), { deployUser: DEPLOYER } );
		expect( action.change ).toBe( 'skip' );
		expect( action.diff ).toContain( '--- Landing\ton the wiki' );
		expect( action.diff ).toMatch( /^-A line added by a person$/m );
		expect( action.diff ).toMatch( /^\+new line from the code$/m );
		expect( action.changedOnWiki?.user ).toBe( 'Someone' );
		expect( action.changedOnWiki?.summary ).toBe( 'clarify' );
		expect( action.changedOnWiki?.diff ).toContain( '--- Landing\tlast deploy (revision 10)' );
		expect( action.changedOnWiki?.diff ).toContain( '+++ Landing\ton the wiki (revision 12)' );
		expect( action.changedOnWiki?.diff ).toMatch( /^\+A line added by a person$/m );
		expect( action.changedOnWiki?.diff ).not.toContain( 'new line from the code' );
	} );

	it( 'skips a page the deploy account edited with another summary, and one never deployed', () => {
		const byHand = { ...deployed( 'intro\nold line, fixed by hand' ), lastSummary: 'Edited by hand', lastDeploy: lastDeploy };
		const neverDeployed: CurrentPage = { text: 'written before any deploy', lastUser: 'Someone', lastSummary: 'start', lastDeploy: null };
		const actions = planDeploy( [ ours, { title: 'Old', text: 'ours' } ], new Map( [ [ 'Landing', byHand ], [ 'Old', neverDeployed ] ] ), { deployUser: DEPLOYER } );
		expect( actions.map( ( a ) => a.change ) ).toEqual( [ 'skip', 'skip' ] );
		expect( actions[ 0 ].changedOnWiki?.user ).toBe( DEPLOYER );
		expect( actions[ 1 ].changedOnWiki?.diff ).toBeNull();
		expect( actions[ 1 ].diff ).toMatch( /^-written before any deploy$/m );
	} );

	it( 'updates a page whose latest edit is the deploy\'s, or which was put back to what the deploy wrote', () => {
		const putBack: CurrentPage = { text: lastDeploy.text, lastUser: 'Someone', lastSummary: 'Undo', lastRevision: 13, lastDeploy: lastDeploy };
		const actions = planDeploy( [ ours, { ...ours, title: 'Put back' } ], new Map( [
			[ 'Landing', deployed( lastDeploy.text ) ], [ 'Put back', putBack ],
		] ), { deployUser: DEPLOYER } );
		expect( actions.map( ( a ) => a.change ) ).toEqual( [ 'update', 'update' ] );
		expect( actions.map( ( a ) => a.changedOnWiki ) ).toEqual( [ undefined, undefined ] );
	} );

	it( 'leaves a page changed by someone else alone when its text is already ours', () => {
		const [ action ] = planDeploy( [ ours ], new Map( [ [ 'Landing', { ...byPerson, text: ours.text } ] ] ), { deployUser: DEPLOYER } );
		expect( action.change ).toBe( 'unchanged' );
	} );

	it( 'overwrites it with force, saying what is overwritten', () => {
		const [ action ] = planDeploy( [ ours ], new Map( [ [ 'Landing', byPerson ] ] ), { deployUser: DEPLOYER, force: true } );
		expect( action.change ).toBe( 'update' );
		expect( action.text ).toBe( ours.text );
		expect( action.changedOnWiki?.diff ).toMatch( /^\+A line added by a person$/m );
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
		expect( planDeploy( [ ours ], new Map(), { deployUser: DEPLOYER } )[ 0 ].change ).toBe( 'create' );
		const edited = new Map<string, CurrentPage>( [
			[ 'Committee', { text: 'the real members', lastUser: 'Someone', lastSummary: 'add me', lastDeploy: { revision: 1, text: 'example members' } } ],
			[ 'Committee as deployed', deployed( 'example members, older' ) ],
		] );
		for ( const force of [ false, true ] ) {
			for ( const title of [ 'Committee', 'Committee as deployed' ] ) {
				const action = planDeploy( [ { ...ours, title: title } ], edited, { deployUser: DEPLOYER, force: force } )[ 0 ];
				expect( action.change ).toBe( 'unchanged' );
				expect( action.diff ).toBe( '' );
				expect( action.changedOnWiki ).toBeUndefined();
			}
		}
	} );
} );
