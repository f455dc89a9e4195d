ScriptEngine engine = new ScriptEngineManager().getEngineByName("javascript");
Object result = engine.eval(request.getParameter("formula"));  // expect: DSL010
