-- Runs Module:Helpdesk request outside MediaWiki, for request-page.test.ts, as
-- test/unit/views/harness.lua does for the views: Scribunto's own mw.text and
-- mw.html (pure Lua), and stubs of what needs PHP (mw.loadJsonData over the tables
-- in PAGES, mw.language, the frame). Globals set by the test before this runs:
-- LUALIB (Scribunto's lualib folder), MODULE (path of the module), PAGES (title →
-- table), READER (what {{int:helpdesk-views-lang}} gives), JANUARY (what
-- {{int:january}} gives), TODAY (YYYY-MM-DD), PARENT_ARGS (the calling template's
-- arguments).
dofile( SCRIBUNTO_STUBS )

LOADS = {}
function mw.loadJsonData( title )
	LOADS[ title ] = ( LOADS[ title ] or 0 ) + 1
	if PAGES[ title ] == nil then
		error( "bad argument #1 to 'mw.loadJsonData' ('" .. title .. "' is not a valid JSON page)" )
	end
	return readOnly( PAGES[ title ] )
end

local NAMES = {
	sv = { sv = 'svenska', en = 'Swedish', ar = 'السويدية' },
	ar = { sv = 'arabiska', en = 'Arabic', ar = 'العربية' },
	en = { sv = 'engelska', en = 'English', ar = 'الإنجليزية' },
}

mw.language = {
	new = function ( code )
		return {
			formatDate = function ( _, format, date )
				if not date:match( '^%d%d%d%d%-%d%d%-%d%d' ) then
					error( 'bad date' )
				end
				return '(' .. code .. ' date ' .. date:sub( 1, 10 ) .. ')'
			end,
			isRTL = function () return code == 'ar' end,
			formatNum = function ( _, n ) return tostring( n ) end,
			plural = function ( _, n, forms ) return n == 1 and forms[ 1 ] or forms[ 2 ] or forms[ 1 ] end,
			getCode = function () return code end,
		}
	end,
	fetchLanguageName = function ( code, inLanguage )
		return NAMES[ code ] and NAMES[ code ][ inLanguage ] or ''
	end,
}

request = dofile( MODULE )

PREPROCESSED = {}
function frame( args )
	return {
		args = args or {},
		-- The template that calls the module (Template:Helpdesk request), with PARENT_ARGS.
		getParent = function ()
			return { args = PARENT_ARGS or {} }
		end,
		preprocess = function ( _, text )
			table.insert( PREPROCESSED, text )
			if text == '{{int:helpdesk-views-lang}}' then
				return READER or 'en'
			elseif text == '{{int:january}}' then
				return JANUARY or 'January'
			elseif text == '{{CURRENTYEAR}}-{{CURRENTMONTH}}-{{CURRENTDAY2}}' then
				return TODAY or '2026-11-30'
			end
			return text
		end,
	}
end
