console.log("action bundle: pending");
