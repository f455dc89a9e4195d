<?php
header("Location: " . $_GET["next"]);  // expect: DSL005
return redirect($request->input("return_to"));  // expect: DSL005
