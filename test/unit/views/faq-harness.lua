-- Runs Module:Helpdesk views/faq outside MediaWiki, for faq-lua.test.ts: the harness
-- of Module:Helpdesk views (HARNESS, with its globals), that module as `require`
-- gives it, and language names (NAMES: language → code → name).
dofile( HARNESS )

package.preload[ 'Module:Helpdesk views' ] = function () return views end

mw.language.fetchLanguageName = function ( code, inLanguage )
	return ( NAMES[ inLanguage ] or {} )[ code ] or ''
end

faq = dofile( FAQ_MODULE )
