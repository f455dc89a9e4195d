res.write("<li>" + req.body.comment + "</li>");  // expect: DSW012
