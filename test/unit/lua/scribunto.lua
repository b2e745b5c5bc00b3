-- What both Lua harnesses share (test/unit/views, test/unit/request-page): Scribunto's
-- lualib on the path (LUALIB, set by the test), pairs and ipairs that honour __pairs
-- and __ipairs, Scribunto's own pure-Lua mw.text and mw.html, and readOnly(), which
-- wraps a table as mw.loadJsonData does.
package.path = LUALIB .. '/?.lua;' .. LUALIB .. '/ustring/?.lua;' .. package.path

-- Scribunto's pairs and ipairs honour __pairs and __ipairs (read-only data tables).
local rawpairs, rawipairs = pairs, ipairs
function pairs( t )
	local mt = getmetatable( t )
	if mt and mt.__pairs then
		return mt.__pairs( t )
	end
	return rawpairs( t )
end
function ipairs( t )
	local mt = getmetatable( t )
	if mt and mt.__ipairs then
		return mt.__ipairs( t )
	end
	return rawipairs( t )
end

mw = {}
mw.ustring = require( 'ustring' )
mw_interface = {}
dofile( LUALIB .. '/mw.text.lua' ).setupInterface( { nowiki_protocols = {} } )
mw_interface = {}
mw.html = dofile( LUALIB .. '/mw.html.lua' )
mw.html.setupInterface( { uniqPrefix = '\127\'"`UNIQ-', uniqSuffix = '-QINU`"\'\127' } )

-- A read-only view of a table, as mw.loadJsonData gives: # and next() do not work on it.
function readOnly( data )
	if type( data ) ~= 'table' then
		return data
	end
	return setmetatable( {}, {
		__index = function ( _, key ) return readOnly( data[ key ] ) end,
		__newindex = function () error( 'table from mw.loadJsonData() must not be modified' ) end,
		__pairs = function ()
			return function ( _, key )
				local k, v = next( data, key )
				return k, readOnly( v )
			end, nil, nil
		end,
		__ipairs = function ()
			return function ( _, i )
				i = i + 1
				if data[ i ] ~= nil then
					return i, readOnly( data[ i ] )
				end
			end, nil, 0
		end,
	} )
end
