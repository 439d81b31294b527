-- A headless Neovim 0.7 LSP client for the Cascade language server: opens one file,
-- waits for its diagnostics, asks for completion at a position and writes what it
-- got as JSON. 0.7 has no vim.lsp.start, so the client is started and attached by hand.
local file = vim.env.CASCADE_FILE
local server_cmd = vim.fn.json_decode(vim.env.CASCADE_SERVER_CMD)
local position = vim.fn.json_decode(vim.env.CASCADE_COMPLETION_POSITION)
local timeout = tonumber(vim.env.CASCADE_TIMEOUT_MS)
local result = { diagnostics = {}, completion = {}, errors = {} }

local function write_result()
  local out = io.open(vim.env.CASCADE_RESULT, 'w')
  out:write(vim.fn.json_encode(result))
  out:close()
end

local function run()
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({
    name = 'cascade',
    cmd = server_cmd,
    root_dir = vim.fn.fnamemodify(file, ':h'),
    on_exit = function(code, signal)
      if code ~= 0 then
        table.insert(result.errors, string.format('server exited with code %d (signal %d)', code, signal))
      end
    end,
  })
  if not client_id then
    table.insert(result.errors, 'vim.lsp.start_client returned nil')
    return
  end
  vim.lsp.buf_attach_client(bufnr, client_id)

  if not vim.wait(timeout, function() return #vim.diagnostic.get(bufnr) > 0 end, 50) then
    table.insert(result.errors, 'no diagnostics were published within ' .. timeout .. ' ms')
  end
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local lsp = (d.user_data or {}).lsp or {}
    table.insert(result.diagnostics, {
      line = d.lnum, character = d.col, message = d.message, severity = d.severity, code = d.code or lsp.code,
    })
  end

  local params = { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = position }
  local responses, err = vim.lsp.buf_request_sync(bufnr, 'textDocument/completion', params, timeout)
  if err then table.insert(result.errors, 'completion: ' .. tostring(err)) end
  for _, response in pairs(responses or {}) do
    if response.err then table.insert(result.errors, 'completion: ' .. vim.inspect(response.err)) end
    local items = response.result and (response.result.items or response.result) or {}
    for _, item in ipairs(items) do table.insert(result.completion, item.label) end
  end
  vim.lsp.stop_client(client_id)
end

local ok, message = pcall(run)
if not ok then table.insert(result.errors, tostring(message)) end
write_result()
vim.cmd('qall!')
