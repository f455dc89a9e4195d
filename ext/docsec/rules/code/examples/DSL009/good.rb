users = doc.xpath("//user[@name=$name]", nil, name: params[:name])
