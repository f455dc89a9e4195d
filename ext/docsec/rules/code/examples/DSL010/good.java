ScriptEngine engine = new ScriptEngineManager().getEngineByName("javascript");
Object result = engine.eval("1 + 1");
