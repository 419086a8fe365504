// The Python half of the Python sandbox, run once when the worker's interpreter has loaded: how a
// Code node's Python is wrapped and run, how its failures are described, and how the interpreter is
// put back as it was after each run (so nothing leaks from one execution or workflow to the next).
export const PYTHON_SUPPORT = String.raw`
import sys, os, builtins, json, warnings, textwrap, traceback

def __weft_setup():
    from _pyodide_core import jsproxy_typedict
    from js import Object
    # As n8n's Python (Beta): JS objects answer item["json"] as well as item.json.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        jsproxy_typedict[0] = type(Object.new().as_object_map())

__weft_setup()
del __weft_setup

# Modules that reach the JavaScript side (its global scope, eval): not importable by user code.
def _weft_blocked(name):
    return name == "js" or name.startswith(("js.", "pyodide", "_pyodide", "pyodide_js"))

class _WeftSupport:
    CODE_FILE = "<code>"

    def __init__(self):
        self.modules = dict(sys.modules)
        self.dicts = {name: dict(m.__dict__) for name, m in sys.modules.items() if m is not None and hasattr(m, "__dict__")}
        self.builtins = dict(builtins.__dict__)

    def reset(self):
        for name in list(sys.modules):
            if name not in self.modules:
                del sys.modules[name]
        for name, module in self.modules.items():
            if sys.modules.get(name) is not module:
                sys.modules[name] = module
        # Public names are put back as they were; private ones are the interpreter's own state
        # (caches, locks) that it keeps changing, and are left alone. Builtins are restored whole.
        for name, saved in self.dicts.items():
            current = self.modules[name].__dict__
            whole = current is builtins.__dict__
            for key in [k for k in current if k not in saved and (whole or not k.startswith("_"))]:
                del current[key]
            for key, value in saved.items():
                if (whole or not key.startswith("_")) and current.get(key, saved) is not value:
                    current[key] = value

    def flush(self):
        # The JS side hands over whole lines; fsync makes it hand over a last line without its newline.
        for stream in (sys.__stdout__, sys.__stderr__):
            stream.flush()
            os.fsync(stream.fileno())

    def _failure(self, error):
        line = None
        for frame in traceback.extract_tb(error.__traceback__):
            if frame.filename == self.CODE_FILE:
                line = frame.lineno - 1  # the wrapper's "async def" is line 1
        if isinstance(error, SyntaxError) and error.filename == self.CODE_FILE and error.lineno:
            line = error.lineno - 1
        kind = type(error).__name__
        # A SyntaxError's str() carries its own "(<code>, line N)"; the line is given apart.
        message = error.msg if isinstance(error, SyntaxError) else str(error)
        js_error = getattr(error, "js_error", None)
        if js_error is not None:
            # An error of a helper such as _('Node'): its own wording, as n8n shows it.
            kind, message = "Error", str(js_error.message)
        text = "".join(traceback.format_exception(error))
        return {"ok": False, "type": kind, "message": message, "line": line, "traceback": text}

    def _compile(self, code):
        source = "async def __weft_main():\n" + textwrap.indent(code, "  ", lambda line: True) + "\n  pass\n"
        return compile(source, self.CODE_FILE, "exec")

    async def _call(self, compiled, scope):
        exec(compiled, scope)
        return await scope["__weft_main"]()

    async def run(self, code, scope, native, items_json, per_item):
        blocked = {name: sys.modules[name] for name in list(sys.modules) if _weft_blocked(name)}
        try:
            compiled = self._compile(code)
            for name in blocked:
                sys.modules[name] = None
            if not native:
                scope = dict(scope)
                scope["__builtins__"] = builtins
                return {"ok": True, "value": await self._call(compiled, scope)}
            items = json.loads(items_json)
            if not per_item:
                return {"ok": True, "value": await self._call(compiled, {"__builtins__": builtins, "_items": items})}
            # n8n's native runner: the code runs once per item, None drops the item, and each
            # result gets the pairedItem of its input item.
            out = []
            for index, item in enumerate(items):
                result = await self._call(compiled, {"__builtins__": builtins, "_item": item})
                if result is None:
                    continue
                result["pairedItem"] = {"item": index}
                out.append(result)
            return {"ok": True, "value": out}
        except BaseException as error:
            return self._failure(error)
        finally:
            sys.modules.update(blocked)

__weft = _WeftSupport()
`;
