import { defineConfig } from 'vitest/config';

// Two projects: `unit` needs nothing but Node (and jsdom for the gadget's logic);
// `wiki` runs against a real local MediaWiki and a real browser.
export default defineConfig( {
	test: {
		projects: [
			{
				test: {
					name: 'unit',
					include: [ 'test/unit/**/*.test.ts' ],
				},
			},
			{
				test: {
					name: 'wiki',
					include: [ 'test/wiki/**/*.test.ts' ],
					globalSetup: [ 'test/wiki/setup/global-setup.ts' ],
					testTimeout: 120000,
					hookTimeout: 300000,
					fileParallelism: false,
				},
			},
		],
	},
} );
